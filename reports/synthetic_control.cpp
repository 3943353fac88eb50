#include "reports/synthetic_control.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace vicsim::reports {

namespace {

/** Euclidean projection of v onto the probability simplex (Duchi, Shalev-Shwartz, Singer & Chandra 2008). */
std::vector<double> project_to_simplex(std::vector<double> v) {
  std::vector<double> s = v;
  std::sort(s.begin(), s.end(), std::greater<>());
  double cumulative = 0, theta = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    cumulative += s[i];
    const double t = (cumulative - 1.0) / static_cast<double>(i + 1);
    if (s[i] - t > 0) theta = t;
  }
  for (double& x : v) x = std::max(0.0, x - theta);
  return v;
}

struct Fit {
  std::vector<double> weights;
  double pre_rmspe = 0, post_rmspe = 0, effect = 0;
  std::vector<double> synthetic;
};

/** Weights from the pre-start times, then the synthetic path and its gaps over all times. */
Fit fit(const std::vector<double>& target, const std::vector<std::vector<double>>& donors,
        const std::vector<bool>& pre) {
  std::vector<std::vector<double>> xp;
  std::vector<double> yp;
  for (const auto& d : donors) {
    xp.emplace_back();
    for (std::size_t t = 0; t < target.size(); ++t)
      if (pre[t]) xp.back().push_back(d[t]);
  }
  for (std::size_t t = 0; t < target.size(); ++t)
    if (pre[t]) yp.push_back(target[t]);
  Fit f;
  f.weights = simplex_least_squares(xp, yp);
  f.synthetic.assign(target.size(), 0.0);
  for (std::size_t j = 0; j < donors.size(); ++j)
    for (std::size_t t = 0; t < target.size(); ++t) f.synthetic[t] += f.weights[j] * donors[j][t];
  double pre_ss = 0, post_ss = 0, post_sum = 0, n_pre = 0, n_post = 0;
  for (std::size_t t = 0; t < target.size(); ++t) {
    const double gap = target[t] - f.synthetic[t];
    if (pre[t])
      pre_ss += gap * gap, n_pre += 1;
    else
      post_ss += gap * gap, post_sum += gap, n_post += 1;
  }
  f.pre_rmspe = n_pre > 0 ? std::sqrt(pre_ss / n_pre) : std::nan("");
  f.post_rmspe = n_post > 0 ? std::sqrt(post_ss / n_post) : std::nan("");
  f.effect = n_post > 0 ? post_sum / n_post : std::nan("");
  return f;
}

double ratio(const Fit& f) {
  // A perfect pre-start fit makes any post-start gap infinitely unusual; keep it finite and comparable.
  return f.post_rmspe / std::max(f.pre_rmspe, 1e-12 * std::max(1.0, f.post_rmspe));
}

}  // namespace

std::vector<double> simplex_least_squares(const std::vector<std::vector<double>>& donors,
                                          const std::vector<double>& y) {
  const std::size_t j = donors.size();
  if (j == 0) return {};
  // Step 1/L with L = ‖XᵀX‖ bounded by its Frobenius norm (a safe Lipschitz constant of the gradient).
  std::vector<std::vector<double>> gram(j, std::vector<double>(j, 0.0));
  std::vector<double> xty(j, 0.0);
  double lipschitz = 0;
  for (std::size_t a = 0; a < j; ++a) {
    for (std::size_t b = 0; b < j; ++b) {
      for (std::size_t t = 0; t < y.size(); ++t) gram[a][b] += donors[a][t] * donors[b][t];
      lipschitz += gram[a][b] * gram[a][b];
    }
    for (std::size_t t = 0; t < y.size(); ++t) xty[a] += donors[a][t] * y[t];
  }
  lipschitz = std::sqrt(lipschitz);
  std::vector<double> w(j, 1.0 / static_cast<double>(j));
  if (!(lipschitz > 0)) return w;
  std::vector<double> z = w, grad(j);
  double momentum = 1;
  for (int iter = 0; iter < 20000; ++iter) {
    for (std::size_t a = 0; a < j; ++a) {
      grad[a] = -xty[a];
      for (std::size_t b = 0; b < j; ++b) grad[a] += gram[a][b] * z[b];
    }
    std::vector<double> step(j);
    for (std::size_t a = 0; a < j; ++a) step[a] = z[a] - grad[a] / lipschitz;
    std::vector<double> next = project_to_simplex(step);
    const double m_next = (1 + std::sqrt(1 + 4 * momentum * momentum)) / 2;
    double change = 0;
    for (std::size_t a = 0; a < j; ++a) {
      z[a] = next[a] + (momentum - 1) / m_next * (next[a] - w[a]);
      change = std::max(change, std::fabs(next[a] - w[a]));
    }
    w = std::move(next);
    momentum = m_next;
    if (change < 1e-13) break;
  }
  return w;
}

SyntheticControl synthetic_control(const std::vector<PanelObservation>& panel, double start) {
  SyntheticControl sc;
  std::map<std::string, std::map<double, double>> paths;
  std::map<std::string, bool> treated;
  std::map<double, bool> times;
  for (const auto& o : panel) {
    if (!std::isfinite(o.time)) continue;
    paths[o.unit][o.time] = o.value;
    treated[o.unit] = o.treated;
    times[o.time] = true;
  }
  for (const auto& [t, _] : times) sc.times.push_back(t);
  std::vector<bool> pre;
  for (double t : sc.times) pre.push_back(t < start);
  if (std::find(pre.begin(), pre.end(), true) == pre.end() ||
      std::find(pre.begin(), pre.end(), false) == pre.end())
    return sc;
  // Balanced and finite, or not at all.
  std::vector<std::vector<double>> treated_paths, donor_paths;
  for (const auto& [unit, path] : paths) {
    if (path.size() != sc.times.size()) return sc;
    std::vector<double> v;
    for (double t : sc.times) {
      const double x = path.at(t);
      if (!std::isfinite(x)) return sc;
      v.push_back(x);
    }
    if (treated[unit]) {
      treated_paths.push_back(std::move(v));
    } else {
      sc.donors.push_back(unit);
      donor_paths.push_back(std::move(v));
    }
  }
  if (treated_paths.empty() || donor_paths.size() < 2) return sc;
  sc.treated.assign(sc.times.size(), 0.0);
  for (const auto& p : treated_paths)
    for (std::size_t t = 0; t < p.size(); ++t)
      sc.treated[t] += p[t] / static_cast<double>(treated_paths.size());
  const Fit f = fit(sc.treated, donor_paths, pre);
  sc.weights = f.weights;
  sc.synthetic = f.synthetic;
  sc.effect = f.effect;
  sc.pre_rmspe = f.pre_rmspe;
  sc.ratio = ratio(f);
  // Placebos in space: each donor against the other donors.
  std::size_t as_large = 1;
  for (std::size_t j = 0; j < donor_paths.size(); ++j) {
    std::vector<std::vector<double>> others;
    for (std::size_t k = 0; k < donor_paths.size(); ++k)
      if (k != j) others.push_back(donor_paths[k]);
    if (ratio(fit(donor_paths[j], others, pre)) >= sc.ratio) ++as_large;
    ++sc.placebos;
  }
  sc.placebo_p = static_cast<double>(as_large) / static_cast<double>(sc.placebos + 1);
  sc.valid = true;
  return sc;
}

}  // namespace vicsim::reports
