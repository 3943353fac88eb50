#include "reports/difference_in_differences.hpp"

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

std::vector<EventStudyPoint> event_study(const std::vector<PanelObservation>& panel, double start,
                                         double confidence) {
  const auto units = by_unit(panel, start);
  std::map<double, std::pair<std::vector<double>, std::vector<double>>> at;  // time -> (control, treated)
  for (const auto& o : panel) {
    if (!std::isfinite(o.value) || !std::isfinite(o.time)) continue;
    const auto& u = units.at(o.unit);
    if (u.pre.empty()) continue;
    auto& [c, t] = at[o.time];
    (o.treated ? t : c).push_back(o.value - mean(u.pre));
  }
  std::vector<EventStudyPoint> out;
  for (const auto& [time, groups] : at) {
    if (groups.first.empty() || groups.second.empty()) continue;
    const WelchInterval w = welch_interval(groups.first, groups.second, confidence);
    out.push_back({time, w.diff, w.low, w.high});
  }
  return out;
}

}  // namespace vicsim::reports
