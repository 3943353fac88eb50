#include "reports/paired_comparison.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim::reports;
using Catch::Detail::Approx;

TEST_CASE("paired_comparison: paired t interval, and NA (NaN) where a statistic is undefined", "[reports]") {
  const auto r = paired_statistics({1, 2, 3}, {2, 4, 5});  // differences 1, 2, 2
  CHECK(r.diff == Approx(5.0 / 3.0));
  CHECK(r.sd_diff == Approx(std::sqrt(1.0 / 3.0)));
  CHECK(r.effect_size == Approx(r.diff / r.sd_diff));
  CHECK(r.ci_high - r.diff == Approx(4.302652730 * std::sqrt(1.0 / 3.0) / std::sqrt(3.0)));
  // Every pair differs by exactly 1: zero-width interval, but d_z and p divide by zero, so they are NaN
  // (written NA), not +inf and p = 0.
  const auto z = paired_statistics({1, 2, 3}, {2, 3, 4});
  CHECK(z.diff == Approx(1.0));
  CHECK(z.ci_low == Approx(1.0));
  CHECK(z.ci_high == Approx(1.0));
  CHECK(std::isnan(z.effect_size));
  CHECK(std::isnan(z.p_value));
  // One pair: no interval.
  CHECK(std::isnan(paired_statistics({1}, {2}).ci_low));
}
