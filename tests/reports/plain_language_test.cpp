#include "reports/plain_language.hpp"

#include <catch2/catch.hpp>

#include "reports/display_format.hpp"

using namespace vicsim::reports;

TEST_CASE("plain_language: the issue's example sentence", "[reports]") {
  KpiDifference d;
  d.kpi = "cross_region_tie_share";
  d.tick = 120;
  d.mean_a = 0.14;
  d.mean_b = 0.45;
  d.diff = 0.31;
  d.ci_low = 0.27;
  d.ci_high = 0.35;
  d.effect_size = 2.13;
  CHECK(describe_difference(d, "traditional", "platform-led") ==
        "Compared with traditional, platform-led raised the cross-regional tie share by 31 ± 4 points by "
        "year 10, "
        "from 14.0% to 45.0% (d_z = 2.1).");
}

TEST_CASE("plain_language: lowered amounts, large units and unclear differences", "[reports]") {
  KpiDifference d{"transaction_cost_per_unit", 30, 10, 900, 780, -120, -140, -100, 20, -6, 0.001};
  CHECK(describe_difference(d, "A", "B") ==
        "Compared with A, B lowered the transaction cost per unit by 120 ± 20 yuan per unit (13%) by month "
        "30, from "
        "900 to "
        "780 (d_z = -6.0).");
  KpiDifference o{"output", 24, 10, 2.39e8, 2.58e8, 1.91e7, 1.89e7, 1.93e7, 1e5, 200, 0};
  CHECK(describe_difference(o, "A", "B") ==
        "Compared with A, B raised the gross output by 19.1 ± 0.2 M yuan per month (8%) by year 2, from 239 "
        "M to "
        "258 M (d_z = 200.0).");
  KpiDifference n{"clustering", 48, 5, 0.217, 0.212, -0.005, -0.017, 0.006, 0.01, -0.5, 0.29};
  CHECK_FALSE(clear_difference(n));
  CHECK(describe_difference(n, "A", "B") ==
        "Compared with A, B made no clear difference to the clustering coefficient by year 4 (-0.01 ± 0.01; "
        "the 95% CI includes zero).");
}

TEST_CASE("plain_language: rounding and display formats", "[reports]") {
  CHECK(plus_minus(31.23, 4.2) == "31 ± 4");
  CHECK(plus_minus(0.3123, 0.042) == "0.31 ± 0.04");
  CHECK(plus_minus(5, 0) == "5");
  CHECK(time_phrase(120) == "by year 10");
  CHECK(time_phrase(30) == "by month 30");
  CHECK(display_number(1663) == "1,663");
  CHECK(display_number(1.06e9) == "1.06 bn");
  CHECK(display_number(0.00412) == "0.00412");
  CHECK(display_percent(0.1368) == "13.7%");
  CHECK(display_fixed(-0.0001, 2) == "0.00");
}
