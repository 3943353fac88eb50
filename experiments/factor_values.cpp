#include "experiments/factor_values.hpp"

#include <algorithm>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <cmath>

#include "reports/double_precision_policy.hpp"
#include "reports/number_format.hpp"

namespace vicsim::experiments {

namespace {

FactorValue numeric(double x, bool integer) {
  if (integer) x = std::round(x);
  std::string text = reports::format_number(x);
  if (integer) text = std::to_string(std::llround(x));
  return {x, text, text};
}

double quantile(const DistributionSpec& d, double u) {
  using namespace boost::math;
  using reports::DoublePolicy;
  const double q = std::clamp(u, kTailQuantile, 1.0 - kTailQuantile);
  if (d.type == "uniform")
    return boost::math::quantile(uniform_distribution<double, DoublePolicy>(d.min, d.max), u);
  if (d.type == "triangular")
    return boost::math::quantile(triangular_distribution<double, DoublePolicy>(d.min, d.mode, d.max), u);
  if (d.type == "normal")
    return boost::math::quantile(normal_distribution<double, DoublePolicy>(d.mean, d.sd), q);
  return boost::math::quantile(lognormal_distribution<double, DoublePolicy>(d.meanlog, d.sdlog), q);
}

}  // namespace

FactorValue factor_value(const FactorSpec& f, double u) {
  u = std::clamp(u, 0.0, 1.0);
  switch (f.kind) {
    case FactorKind::Range:
      return numeric(f.range[0] + u * (f.range[1] - f.range[0]), f.integer);
    case FactorKind::Distribution:
      return numeric(quantile(f.distribution, u), f.integer);
    case FactorKind::Levels: {
      const std::size_t n = f.levels.size();
      const auto i = std::min(n - 1, static_cast<std::size_t>(std::floor(u * static_cast<double>(n))));
      const auto& v = f.levels[i];
      if (v.is_number()) {
        if (v.is_number_float()) return numeric(v.get<double>(), f.integer);
        const std::string text = v.dump();
        return {v.get<double>(), text, text};
      }
      if (v.is_string()) return {static_cast<double>(i), v.dump(), v.get<std::string>()};
      return {static_cast<double>(i), v.dump(), v.dump()};  // booleans (and null)
    }
  }
  return {};
}

std::size_t factorial_levels(const FactorSpec& f) {
  if (f.kind == FactorKind::Levels) return f.levels.size();
  if (f.kind == FactorKind::Range && f.steps > 0) return static_cast<std::size_t>(f.steps);
  return 0;
}

}  // namespace vicsim::experiments
