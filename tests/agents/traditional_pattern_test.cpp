// Pattern-oriented checks (Grimm et al. 2005) of the traditional path, over replications.
#include <catch2/catch.hpp>
#include <cmath>

#include "sim/tail_exponent.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("traditional_pattern: concentration rises, ties stay local, sizes stay heavy-tailed",
          "[agents][pattern][pattern_traditional]") {
  const int reps = 10;
  std::vector<double> eg_gain;
  for (int k = 0; k < reps; ++k) {
    auto s = test::load("traditional.json", {"seed=" + std::to_string(1000 + k)});
    auto r = test::run(s);
    const auto& last = r.series.back();
    // Yearly means smooth out month-to-month noise from large firms' hiring.
    double eg_first_year = 0, eg_last_year = 0;
    for (int t = 0; t < 12; ++t) {
      eg_first_year += r.series[static_cast<std::size_t>(t)].eg_index / 12;
      eg_last_year += r.series[r.series.size() - 1 - static_cast<std::size_t>(t)].eg_index / 12;
    }
    eg_gain.push_back(eg_last_year - eg_first_year);
    INFO("replication " << k);
    CHECK(last.local_tie_share > 0.75);
    CHECK(last.cross_region_tie_share < 0.25);
    CHECK(last.stage >= 2);  // at least a value chain
    std::vector<double> sizes;
    const auto& f = r.model->world().firms;
    for (sim::FirmIndex i = 0; i < f.size(); ++i)
      if (f.alive[i]) sizes.push_back(f.employees[i]);
    const double alpha = sim::hill_tail_exponent(sizes, 0.1);
    CHECK(alpha > 0.5);
    CHECK(alpha < 2.5);
  }
  double mean = 0, var = 0;
  for (double g : eg_gain) mean += g / reps;
  for (double g : eg_gain) var += (g - mean) * (g - mean) / (reps - 1);
  // Concentration rises on average (not in every replication): the 95% CI of the mean gain
  // (t with 9 df = 2.262) lies above zero.
  CHECK(mean - 2.262 * std::sqrt(var / reps) > 0.0);
}
