#include "reports/difference_in_differences.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/statistics.hpp"

namespace vicsim::reports {

namespace {

struct UnitMeans {
  bool treated = false;
  std::vector<double> pre, post;
};

std::map<std::string, UnitMeans> by_unit(const std::vector<PanelObservation>& panel, double start) {
  std::map<std::string, UnitMeans> units;
  for (const auto& o : panel) {
    if (!std::isfinite(o.value) || !std::isfinite(o.time)) continue;
    auto& u = units[o.unit];
    u.treated = o.treated;
    (o.time < start ? u.pre : u.post).push_back(o.value);
  }
  return units;
}

}  // namespace

DidEstimate collapsed_did(const std::vector<PanelObservation>& panel, double start, double confidence) {
  std::vector<double> dt, dc, pre_t, post_t, pre_c, post_c;
  for (const auto& [name, u] : by_unit(panel, start)) {
    if (u.pre.empty() || u.post.empty()) continue;
    const double pre = mean(u.pre), post = mean(u.post);
    (u.treated ? dt : dc).push_back(post - pre);
    (u.treated ? pre_t : pre_c).push_back(pre);
    (u.treated ? post_t : post_c).push_back(post);
  }
  const WelchInterval w = welch_interval(dc, dt, confidence);
  DidEstimate d;
  d.estimate = w.diff;
  d.low = w.low;
  d.high = w.high;
  d.se = w.se;
  d.df = w.df;
  d.treated_units = dt.size();
  d.control_units = dc.size();
  d.treated_pre = mean(pre_t), d.treated_post = mean(post_t);
  d.control_pre = mean(pre_c), d.control_post = mean(post_c);
  return d;
}

TwfeEstimate twfe_did(const std::vector<PanelObservation>& panel, double start, double confidence) {
  // Index units and times; keep finite observations only.
  std::map<std::string, std::size_t> unit_index;
  std::map<double, std::size_t> time_index;
  std::vector<const PanelObservation*> obs;
  for (const auto& o : panel) {
    if (!std::isfinite(o.value) || !std::isfinite(o.time)) continue;
    unit_index.emplace(o.unit, unit_index.size());
    time_index.emplace(o.time, 0);
    obs.push_back(&o);
  }
  std::size_t k = 0;
  for (auto& [t, i] : time_index) i = k++;
  TwfeEstimate e;
  e.observations = obs.size();
  e.clusters = unit_index.size();
  std::vector<bool> unit_treated(unit_index.size(), false);
  std::vector<std::size_t> u(obs.size()), t(obs.size());
  std::vector<double> y(obs.size()), d(obs.size());
  for (std::size_t i = 0; i < obs.size(); ++i) {
    u[i] = unit_index.at(obs[i]->unit);
    t[i] = time_index.at(obs[i]->time);
    y[i] = obs[i]->value;
    d[i] = obs[i]->treated && obs[i]->time >= start ? 1.0 : 0.0;
    if (obs[i]->treated) unit_treated[u[i]] = true;
  }
  for (bool b : unit_treated) e.treated_clusters += b ? 1 : 0;
  const double nan = std::nan("");
  e.estimate = e.se = e.low = e.high = e.df = nan;
  if (obs.empty() || e.treated_clusters == 0 || e.treated_clusters == e.clusters) return e;

  // Alternating projections: subtract unit means, then time means, until the largest group mean is ~0.
  auto sweep = [&](std::vector<double>& v) {
    for (int iter = 0; iter < 10000; ++iter) {
      double worst = 0;
      for (int pass = 0; pass < 2; ++pass) {
        const auto& g = pass == 0 ? u : t;
        const std::size_t groups = pass == 0 ? unit_index.size() : time_index.size();
        std::vector<double> sum(groups, 0.0), n(groups, 0.0);
        for (std::size_t i = 0; i < v.size(); ++i) sum[g[i]] += v[i], n[g[i]] += 1;
        for (std::size_t j = 0; j < groups; ++j) {
          sum[j] /= n[j];
          worst = std::max(worst, std::fabs(sum[j]));
        }
        for (std::size_t i = 0; i < v.size(); ++i) v[i] -= sum[g[i]];
      }
      if (worst < 1e-13) break;
    }
  };
  double scale = 0;
  for (double v : y) scale = std::max(scale, std::fabs(v));
  if (scale > 0)
    for (double& v : y) v /= scale;  // demean on a unit scale so the tolerance is relative
  sweep(y);
  sweep(d);
  double sdd = 0, sdy = 0;
  for (std::size_t i = 0; i < y.size(); ++i) sdd += d[i] * d[i], sdy += d[i] * y[i];
  if (!(sdd > 1e-12)) return e;
  const double beta = sdy / sdd;
  e.estimate = beta * scale;

  const std::size_t g = e.clusters, gt = e.treated_clusters;
  if (gt >= 2 && g - gt >= 2) {
    std::vector<double> score(g, 0.0);
    for (std::size_t i = 0; i < y.size(); ++i) score[u[i]] += d[i] * (y[i] - beta * d[i]);
    double meat = 0;
    for (double s : score) meat += s * s;
    const double gd = static_cast<double>(g);
    e.se = std::sqrt(gd / (gd - 1) * meat) / sdd * scale;
    e.df = gd - 1;
    e.cluster_robust = true;
    const double half = t_quantile(confidence, e.df) * e.se;
    e.low = e.estimate - half;
    e.high = e.estimate + half;
    return e;
  }
  // One treated (or one control) cluster: pooled interval over the units' before/after changes.
  std::vector<double> dt, dc;
  for (const auto& [name, m] : by_unit(panel, start))
    if (!m.pre.empty() && !m.post.empty()) (m.treated ? dt : dc).push_back(mean(m.post) - mean(m.pre));
  const WelchInterval w = pooled_interval(dc, dt, confidence);
  e.se = w.se;
  e.df = w.df;
  e.low = std::isfinite(w.se) ? e.estimate - t_quantile(confidence, w.df) * w.se : nan;
  e.high = std::isfinite(w.se) ? e.estimate + t_quantile(confidence, w.df) * w.se : nan;
  return e;
}

std::vector<EventStudyPoint> event_study(const std::vector<PanelObservation>& panel, double start,
                                         double width, double confidence) {
  // Per unit: mean in each bin.
  struct Unit {
    bool treated = false;
    std::map<long, std::pair<double, double>> bins;  // bin -> (sum, n)
  };
  std::map<std::string, Unit> units;
  for (const auto& o : panel) {
    if (!std::isfinite(o.value) || !std::isfinite(o.time)) continue;
    auto& un = units[o.unit];
    un.treated = o.treated;
    auto& [sum, n] = un.bins[static_cast<long>(std::floor((o.time - start) / width))];
    sum += o.value;
    n += 1;
  }
  std::map<long, std::pair<std::vector<double>, std::vector<double>>> at;  // bin -> (control, treated)
  for (const auto& [name, un] : units) {
    const auto ref = un.bins.find(-1);
    if (ref == un.bins.end()) continue;
    const double base = ref->second.first / ref->second.second;
    for (const auto& [bin, acc] : un.bins) {
      auto& [c, tr] = at[bin];
      (un.treated ? tr : c).push_back(acc.first / acc.second - base);
    }
  }
  std::vector<EventStudyPoint> out;
  for (const auto& [bin, groups] : at) {
    if (groups.first.empty() || groups.second.empty()) continue;
    const WelchInterval w = pooled_interval(groups.first, groups.second, confidence);
    const double time = static_cast<double>(bin) * width;
    if (bin == -1)
      out.push_back({time, 0.0, 0.0, 0.0});
    else
      out.push_back({time, w.diff, w.low, w.high});
  }
  return out;
}

double event_study_width(double months_before_start) {
  for (double w : {12.0, 6.0, 3.0})
    if (months_before_start >= 2 * w) return w;
  return 1.0;
}

}  // namespace vicsim::reports
