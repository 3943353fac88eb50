#include "experiments/shapley.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>

#include "experiments/design_random.hpp"

namespace vicsim::experiments {

std::vector<double> exact_shapley(std::size_t k, const CoalitionValue& v) {
  if (k > 20) throw std::invalid_argument("exact_shapley: more than 20 players");
  const std::uint32_t n = 1u << k;
  std::vector<double> value(n);
  for (std::uint32_t s = 0; s < n; ++s) value[s] = v(s);
  // weight[s] = s!(k−s−1)!/k!, built as a product to stay exact in double for small k.
  std::vector<double> weight(k, 1.0);
  for (std::size_t s = 0; s < k; ++s) {
    double w = 1.0 / static_cast<double>(k);
    for (std::size_t j = 1; j <= s; ++j) w *= static_cast<double>(j) / static_cast<double>(k - j);
    weight[s] = w;
  }
  std::vector<double> phi(k, 0.0);
  for (std::size_t g = 0; g < k; ++g)
    for (std::uint32_t s = 0; s < n; ++s)
      if (!((s >> g) & 1u))
        phi[g] += weight[static_cast<std::size_t>(std::popcount(s))] * (value[s | (1u << g)] - value[s]);
  return phi;
}

std::vector<std::vector<std::size_t>> sample_permutations(std::size_t k, std::size_t m, std::uint64_t seed) {
  std::vector<std::vector<std::size_t>> perms;
  for (std::size_t p = 0; p < m; ++p) {
    std::vector<std::size_t> order(k);
    for (std::size_t i = 0; i < k; ++i) order[i] = i;
    auto rng = experiment_rng(seed, ExperimentStream::ShapleyPermutation, p, 0);
    for (std::size_t i = k; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    perms.push_back(std::move(order));
  }
  return perms;
}

std::vector<std::uint32_t> permutation_coalitions(const std::vector<std::vector<std::size_t>>& perms) {
  std::vector<std::uint32_t> out;
  for (const auto& order : perms) {
    std::uint32_t s = 0;
    out.push_back(s);
    for (std::size_t g : order) out.push_back(s |= 1u << g);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

SampledShapley permutation_shapley(std::size_t k, const std::vector<std::vector<std::size_t>>& perms,
                                   const CoalitionValue& v) {
  SampledShapley r{std::vector<double>(k, 0.0), std::vector<double>(k, 0.0)};
  std::vector<double> sum2(k, 0.0);
  for (const auto& order : perms) {
    std::uint32_t s = 0;
    double before = v(s);
    for (std::size_t g : order) {
      s |= 1u << g;
      const double after = v(s);
      r.value[g] += after - before;
      sum2[g] += (after - before) * (after - before);
      before = after;
    }
  }
  const auto m = static_cast<double>(perms.size());
  for (std::size_t g = 0; g < k && m > 0; ++g) {
    r.value[g] /= m;
    const double var = m > 1 ? std::max(0.0, (sum2[g] - m * r.value[g] * r.value[g]) / (m - 1)) : NAN;
    r.mc_se[g] = std::sqrt(var / m);
  }
  return r;
}

std::vector<double> main_effects(std::size_t k, const CoalitionValue& v) {
  std::vector<double> e(k);
  const double base = v(0);
  for (std::size_t g = 0; g < k; ++g) e[g] = v(1u << g) - base;
  return e;
}

}  // namespace vicsim::experiments
