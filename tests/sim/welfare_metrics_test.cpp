// Welfare and distribution metrics (docs/ODD.md 7.29).
#include "sim/welfare_metrics.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim;

TEST_CASE("welfare_metrics: Theil index of output per worker across regions", "[sim]") {
  // Same output per worker everywhere: no inequality.
  CHECK(sim::theil_output_per_worker({100.0, 300.0}, {1.0, 3.0}) == Approx(0.0).margin(1e-15));
  // Two regions of equal employment, one producing everything of value 3:1.
  const double t = 0.75 * std::log(0.75 / 0.5) + 0.25 * std::log(0.25 / 0.5);
  CHECK(sim::theil_output_per_worker({300.0, 100.0}, {5.0, 5.0}) == Approx(t));
  // Regions without workers or output are skipped.
  CHECK(sim::theil_output_per_worker({300.0, 100.0, 0.0}, {5.0, 5.0, 2.0}) == Approx(t));
}
