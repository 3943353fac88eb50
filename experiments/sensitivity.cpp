#include "experiments/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "experiments/design_random.hpp"

namespace vicsim::experiments {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/** Percentile interval of bootstrap replicates. */
void interval(Estimate& e, const std::vector<double>& reps, double confidence) {
  std::vector<double> ok;
  for (double x : reps)
    if (!std::isnan(x)) ok.push_back(x);
  if (ok.empty()) {
    e.low = e.high = kNaN;
    return;
  }
  e.low = quantile_type7(ok, (1 - confidence) / 2);
  e.high = quantile_type7(ok, 1 - (1 - confidence) / 2);
}

struct MorrisStats {
  double mu = kNaN, mu_star = kNaN, sigma = kNaN;
};

MorrisStats morris_stats(const std::vector<double>& ee) {
  MorrisStats s;
  if (ee.empty()) return s;
  const auto n = static_cast<double>(ee.size());
  double sum = 0, abs_sum = 0;
  for (double x : ee) {
    sum += x;
    abs_sum += std::fabs(x);
  }
  s.mu = sum / n;
  s.mu_star = abs_sum / n;
  if (ee.size() > 1) {
    double ss = 0;
    for (double x : ee) ss += (x - s.mu) * (x - s.mu);
    s.sigma = std::sqrt(ss / (n - 1));
  }
  return s;
}

/** Elementary effects of one trajectory, per factor (NaN where the step's outputs are missing). */
std::vector<double> trajectory_effects(const UnitPoints& d, const std::vector<double>& y, std::size_t first,
                                       std::size_t k) {
  std::vector<double> ee(k, kNaN);
  for (std::size_t m = 0; m < k; ++m) {
    const std::size_t a = first + m, b = a + 1;
    for (std::size_t j = 0; j < k; ++j) {
      const double du = d[b][j] - d[a][j];
      if (du == 0) continue;
      ee[j] = (y[b] - y[a]) / du;
      break;
    }
  }
  return ee;
}

struct SobolPoint {
  std::vector<double> first, total;
  double variance = kNaN;
};

SobolPoint sobol_estimate(const std::vector<const double*>& blocks, std::size_t k) {
  SobolPoint p;
  p.first.assign(k, kNaN);
  p.total.assign(k, kNaN);
  const auto n = static_cast<double>(blocks.size());
  if (blocks.size() < 2) return p;
  double mean = 0;
  for (const double* b : blocks) mean += b[0] + b[1];
  mean /= 2 * n;
  double var = 0;
  for (const double* b : blocks) var += (b[0] - mean) * (b[0] - mean) + (b[1] - mean) * (b[1] - mean);
  var /= 2 * n;
  p.variance = var;
  if (!(var > 0)) return p;
  for (std::size_t i = 0; i < k; ++i) {
    double vi = 0, vti = 0;
    for (const double* b : blocks) {
      // f(B) centred on the sample mean: still unbiased, as E[f(A_B) - f(A)] = 0, with far less variance
      // when the output's mean is large against its spread.
      const double fa = b[0], fb = b[1] - mean, fab = b[2 + i];
      vi += fb * (fab - fa);
      vti += (fa - fab) * (fa - fab);
    }
    p.first[i] = vi / n / var;
    p.total[i] = vti / (2 * n) / var;
  }
  return p;
}

}  // namespace

double quantile_type7(std::vector<double> xs, double q) {
  if (xs.empty()) return kNaN;
  std::sort(xs.begin(), xs.end());
  const double h = (static_cast<double>(xs.size()) - 1) * q;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, xs.size() - 1);
  return xs[lo] + (h - static_cast<double>(lo)) * (xs[hi] - xs[lo]);
}

std::vector<MorrisIndex> morris_indices(const UnitPoints& design, const std::vector<double>& y, std::size_t k,
                                        std::size_t bootstrap, double confidence, std::uint64_t seed) {
  const std::size_t r = design.size() / (k + 1);
  std::vector<std::vector<double>> effects(r);  // [trajectory][factor]
  for (std::size_t t = 0; t < r; ++t) effects[t] = trajectory_effects(design, y, t * (k + 1), k);

  auto stats_for = [&](const std::vector<std::size_t>& trajectories) {
    std::vector<MorrisStats> s(k);
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<double> ee;
      for (auto t : trajectories)
        if (!std::isnan(effects[t][j])) ee.push_back(effects[t][j]);
      s[j] = morris_stats(ee);
    }
    return s;
  };
  std::vector<std::size_t> all(r);
  for (std::size_t t = 0; t < r; ++t) all[t] = t;
  const auto point = stats_for(all);

  std::vector<MorrisIndex> out(k);
  for (std::size_t j = 0; j < k; ++j) {
    out[j].mu.value = point[j].mu;
    out[j].mu_star.value = point[j].mu_star;
    out[j].sigma.value = point[j].sigma;
    for (std::size_t t = 0; t < r; ++t) out[j].effects += std::isnan(effects[t][j]) ? 0 : 1;
  }
  std::vector<std::vector<double>> mu(k), mu_star(k), sigma(k);
  for (std::size_t b = 0; b < bootstrap; ++b) {
    auto rng = experiment_rng(seed, ExperimentStream::Bootstrap, b, 0);
    std::vector<std::size_t> pick(r);
    for (auto& t : pick) t = rng.below(r);
    const auto s = stats_for(pick);
    for (std::size_t j = 0; j < k; ++j) {
      mu[j].push_back(s[j].mu);
      mu_star[j].push_back(s[j].mu_star);
      sigma[j].push_back(s[j].sigma);
    }
  }
  for (std::size_t j = 0; j < k; ++j) {
    interval(out[j].mu, mu[j], confidence);
    interval(out[j].mu_star, mu_star[j], confidence);
    interval(out[j].sigma, sigma[j], confidence);
  }
  return out;
}

SobolResult sobol_indices(const std::vector<double>& y, std::size_t k, std::size_t bootstrap,
                          double confidence, std::uint64_t seed) {
  const std::size_t n = y.size() / (k + 2);
  std::vector<const double*> blocks;
  for (std::size_t j = 0; j < n; ++j) {
    const double* b = y.data() + j * (k + 2);
    if (std::none_of(b, b + k + 2, [](double x) { return std::isnan(x); })) blocks.push_back(b);
  }
  const auto point = sobol_estimate(blocks, k);
  SobolResult out;
  out.samples = blocks.size();
  out.variance = point.variance;
  out.factors.resize(k);
  for (std::size_t i = 0; i < k; ++i) {
    out.factors[i].first.value = point.first[i];
    out.factors[i].total.value = point.total[i];
  }
  std::vector<std::vector<double>> first(k), total(k);
  std::vector<const double*> resample(blocks.size());
  for (std::size_t b = 0; b < bootstrap && !blocks.empty(); ++b) {
    auto rng = experiment_rng(seed, ExperimentStream::Bootstrap, b, 1);
    for (auto& p : resample) p = blocks[rng.below(blocks.size())];
    const auto s = sobol_estimate(resample, k);
    for (std::size_t i = 0; i < k; ++i) {
      first[i].push_back(s.first[i]);
      total[i].push_back(s.total[i]);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    interval(out.factors[i].first, first[i], confidence);
    interval(out.factors[i].total, total[i], confidence);
  }
  return out;
}

}  // namespace vicsim::experiments
