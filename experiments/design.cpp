#include "experiments/design.hpp"

#include <boost/random/sobol.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "experiments/design_random.hpp"
#include "experiments/factor_values.hpp"

namespace vicsim::experiments {

namespace {

/** Fisher–Yates shuffle of 0..n-1. */
std::vector<std::size_t> permutation(std::size_t n, sim::Rng& rng) {
  std::vector<std::size_t> p(n);
  std::iota(p.begin(), p.end(), 0);
  for (std::size_t i = n; i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
  return p;
}

}  // namespace

UnitPoints full_factorial(const std::vector<std::size_t>& levels) {
  std::size_t total = 1;
  for (auto l : levels) total *= l;
  UnitPoints pts;
  pts.reserve(total);
  std::vector<std::size_t> idx(levels.size(), 0);
  for (std::size_t n = 0; n < total; ++n) {
    std::vector<double> u(levels.size());
    for (std::size_t j = 0; j < levels.size(); ++j)
      u[j] = levels[j] > 1 ? static_cast<double>(idx[j]) / static_cast<double>(levels[j] - 1) : 0.5;
    pts.push_back(std::move(u));
    for (std::size_t j = levels.size(); j-- > 0;) {  // odometer: last factor fastest
      if (++idx[j] < levels[j]) break;
      idx[j] = 0;
    }
  }
  return pts;
}

UnitPoints latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed) {
  UnitPoints pts(n, std::vector<double>(k));
  for (std::size_t j = 0; j < k; ++j) {
    auto rng = experiment_rng(seed, ExperimentStream::LatinHypercube, j, 0);
    const auto perm = permutation(n, rng);
    for (std::size_t i = 0; i < n; ++i)
      pts[i][j] = (static_cast<double>(perm[i]) + rng.uniform()) / static_cast<double>(n);
  }
  return pts;
}

UnitPoints morris_trajectories(std::size_t r, std::size_t k, std::size_t p, std::uint64_t seed) {
  if (p < 2 || p % 2 != 0) throw std::invalid_argument("morris: levels must be even and >= 2");
  const std::size_t jump = p / 2;  // Δ in grid steps
  const double step = 1.0 / static_cast<double>(p - 1);
  UnitPoints pts;
  pts.reserve(r * (k + 1));
  for (std::size_t t = 0; t < r; ++t) {
    auto rng = experiment_rng(seed, ExperimentStream::Morris, t, 0);
    std::vector<std::size_t> level(k);
    std::vector<bool> up(k);
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t base = rng.below(p - jump);  // base + jump <= p - 1
      up[j] = rng.uniform() < 0.5;
      level[j] = up[j] ? base : base + jump;
    }
    const auto order = permutation(k, rng);
    auto emit = [&] {
      std::vector<double> u(k);
      for (std::size_t j = 0; j < k; ++j) u[j] = static_cast<double>(level[j]) * step;
      pts.push_back(std::move(u));
    };
    emit();
    for (std::size_t m = 0; m < k; ++m) {
      const std::size_t j = order[m];
      level[j] = up[j] ? level[j] + jump : level[j] - jump;
      emit();
    }
  }
  return pts;
}

UnitPoints saltelli_points(std::size_t n, std::size_t k, std::size_t skip) {
  boost::random::sobol gen(2 * k);
  if (skip > 0) gen.discard(static_cast<boost::uintmax_t>(skip) * 2 * k);
  UnitPoints pts;
  pts.reserve(n * (k + 2));
  std::vector<double> x(2 * k);
  for (std::size_t j = 0; j < n; ++j) {
    for (auto& v : x) v = std::ldexp(static_cast<double>(gen()), -64);
    const std::vector<double> a(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(k));
    const std::vector<double> b(x.begin() + static_cast<std::ptrdiff_t>(k), x.end());
    pts.push_back(a);
    pts.push_back(b);
    for (std::size_t i = 0; i < k; ++i) {
      auto ab = a;
      ab[i] = b[i];
      pts.push_back(std::move(ab));
    }
  }
  return pts;
}

UnitPoints generate_design(const Experiment& e) {
  const std::size_t k = e.factors.size();
  const auto& d = e.design;
  switch (d.kind) {
    case DesignType::FullFactorial: {
      std::vector<std::size_t> levels;
      for (const auto& f : e.factors) levels.push_back(factorial_levels(f));
      return full_factorial(levels);
    }
    case DesignType::LatinHypercube:
      return latin_hypercube(static_cast<std::size_t>(d.points), k, e.seed);
    case DesignType::Morris:
      return morris_trajectories(static_cast<std::size_t>(d.trajectories), k,
                                 static_cast<std::size_t>(d.levels), e.seed);
    case DesignType::Sobol:
      return saltelli_points(static_cast<std::size_t>(d.base_samples), k, static_cast<std::size_t>(d.skip));
  }
  return {};
}

}  // namespace vicsim::experiments
