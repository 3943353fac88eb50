#include "reports/statistics.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "reports/difference_in_differences.hpp"

using namespace vicsim::reports;
using Catch::Detail::Approx;

TEST_CASE("statistics: t quantiles, mean intervals and Welch's interval", "[reports]") {
  CHECK(t_quantile(0.95, 4) == Approx(2.776445105).epsilon(1e-9));
  CHECK(t_quantile(0.95, 1e6) == Approx(1.959966).epsilon(1e-5));
  const auto m = mean_interval({1, 2, 3, 4, 5});
  CHECK(m.mean == 3);
  CHECK(m.sd == Approx(std::sqrt(2.5)));
  CHECK(m.high - m.mean == Approx(2.776445105 * std::sqrt(2.5) / std::sqrt(5.0)));
  CHECK(std::isnan(mean_interval({1}).low));
  CHECK(mean_interval({1, NAN, 3}).n == 2);
  // Welch: equal variances and sizes give df = 2(n-1).
  const auto w = welch_interval({1, 2, 3}, {4, 5, 6});
  CHECK(w.diff == 3);
  CHECK(w.df == Approx(4));
  CHECK(w.se == Approx(std::sqrt(2.0 / 3.0)));
  CHECK(w.high - w.diff == Approx(2.776445105 * std::sqrt(2.0 / 3.0)));
}

TEST_CASE("difference_in_differences: collapsed estimate, Welch CI over units, event study", "[reports]") {
  // Four treated and four control regions; treated gain exactly +2 from time 3 on, plus unit offsets.
  std::vector<PanelObservation> panel;
  for (int u = 0; u < 8; ++u)
    for (int t = 1; t <= 6; ++t) {
      const bool treated = u < 4;
      const double noise = (u % 4) * 0.1 * (t >= 3 ? 1 : -1);  // differs by unit, so the CI has width
      panel.push_back(
          {"r" + std::to_string(u), treated, double(t), 10.0 * u + t + (treated && t >= 3 ? 2 : 0) + noise});
    }
  const auto d = collapsed_did(panel, 3);
  CHECK(d.treated_units == 4);
  CHECK(d.control_units == 4);
  CHECK(d.estimate == Approx(2.0));
  CHECK(d.low < 2.0);
  CHECK(d.high > 2.0);
  CHECK(d.df == Approx(6.0));
  // Pre/post group means: treated pre mean over units of (10u + 1.5 - 0.1(u%4)).
  CHECK(d.treated_post - d.treated_pre - (d.control_post - d.control_pre) == Approx(d.estimate));
  const auto es = event_study(panel, 3, 1);
  REQUIRE(es.size() == 6);
  CHECK(es[0].estimate == Approx(0.0).margin(1e-12));
  CHECK(es[5].estimate == Approx(2.0));
  // One control unit only: no interval.
  std::vector<PanelObservation> thin;
  for (const auto& o : panel)
    if (o.treated || o.unit == "r4") thin.push_back(o);
  const auto t = collapsed_did(thin, 3);
  CHECK(t.estimate == Approx(2.3));  // treated changes average 2 + 0.3 of noise; r4's noise is 0
  CHECK(std::isnan(t.low));
}
