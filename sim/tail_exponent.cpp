#include "sim/tail_exponent.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace vicsim::sim {

double hill_tail_exponent(std::vector<double> v, double top_fraction) {
  std::erase_if(v, [](double x) { return !(x > 0.0); });
  const auto k =
      std::max<std::size_t>(10, static_cast<std::size_t>(top_fraction * static_cast<double>(v.size())));
  if (v.size() <= k) return NAN;
  std::sort(v.begin(), v.end(), std::greater<>());
  double s = 0.0;
  for (std::size_t i = 0; i < k; ++i) s += std::log(v[i] / v[k]);
  return static_cast<double>(k) / s;
}

}  // namespace vicsim::sim
