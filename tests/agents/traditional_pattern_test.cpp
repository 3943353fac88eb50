// Pattern-oriented checks (Grimm et al. 2005) of the traditional path, over replications.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "sim/tail_exponent.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("traditional_pattern: concentration rises, ties stay local, sizes stay heavy-tailed",
          "[agents][pattern][pattern_traditional]") {
  const int reps = 10;
  std::vector<double> eg_gain;
  double min_local = 1, min_stage = 9, min_alpha = 1e9, max_alpha = 0;
  bool local_ok = true;
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
    min_local = std::min(min_local, last.local_tie_share);
    min_stage = std::min(min_stage, last.stage);
    local_ok =
        local_ok && last.local_tie_share > 0.75 && last.cross_region_tie_share < 0.25 && last.stage >= 2;
    CHECK(last.local_tie_share > 0.75);
    CHECK(last.cross_region_tie_share < 0.25);
    CHECK(last.stage >= 2);  // at least a value chain
    std::vector<double> sizes;
    const auto& f = r.model->world().firms;
    for (sim::FirmIndex i = 0; i < f.size(); ++i)
      if (f.alive[i]) sizes.push_back(f.employees[i]);
    const double alpha = sim::hill_tail_exponent(sizes, 0.1);
    min_alpha = std::min(min_alpha, alpha);
    max_alpha = std::max(max_alpha, alpha);
    CHECK(alpha > 0.5);
    CHECK(alpha < 2.5);
  }
  double mean = 0, var = 0;
  for (double g : eg_gain) mean += g / reps;
  for (double g : eg_gain) var += (g - mean) * (g - mean) / (reps - 1);
  // Concentration rises on average (not in every replication): the 95% CI of the mean gain
  // (t with 9 df = 2.262) lies above zero.
  const double low = mean - 2.262 * std::sqrt(var / reps);
  const std::string cmd = "build/tests/vicsim_tests \"[pattern_traditional]\" -s";
  test::record({"pattern 1: EG rises (traditional)",
                "docs/ODD.md §8 pattern 1 (brief: geographic concentration)",
                "last-year minus first-year mean eg_index > 0",
                "95% CI of the mean gain above 0, 10 seeds (1000–1009)",
                "gain " + test::num(mean) + ", CI low " + test::num(low), low > 0.0, cmd});
  test::record({"pattern 1: local ties (traditional)", "docs/ODD.md §8 pattern 1",
                "final local_tie_share > 0.75, cross-region < 0.25, stage ≥ 2 in every seed",
                "every replication",
                "lowest local share " + test::num(min_local) + ", lowest stage " + test::num(min_stage),
                local_ok, cmd});
  test::record({"pattern 2: heavy-tailed sizes", "docs/ODD.md §8 pattern 2",
                "Hill exponent (top 10%) in (0.5, 2.5)", "every replication",
                "range " + test::num(min_alpha) + "–" + test::num(max_alpha),
                min_alpha > 0.5 && max_alpha < 2.5, cmd});
  CHECK(low > 0.0);
}
