#include "reports/difference_in_differences.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "reports/statistics.hpp"

using namespace vicsim::reports;
using Catch::Detail::Approx;

namespace {
/** Two periods (0 before, 1 after the start at 1), levels chosen so the before→after changes are `change`. */
std::vector<PanelObservation> two_period_panel(const std::vector<std::pair<bool, double>>& units) {
  std::vector<PanelObservation> p;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const double level = 10.0 * static_cast<double>(u);  // unit fixed effect
    p.push_back({"u" + std::to_string(u), units[u].first, 0.0, level});
    p.push_back(
        {"u" + std::to_string(u), units[u].first, 1.0, level + 2.0 + units[u].second});  // +2: time effect
  }
  return p;
}
}  // namespace

TEST_CASE("difference_in_differences: TWFE estimate and CR1 standard error match a hand-worked panel",
          "[reports]") {
  // Changes (net of the common +2): treated 3 and 5, control 1 and -1, so beta = 4 - 0 = 4. First-difference
  // residuals r = (-1, 1, 1, -1); demeaned treatment D = ±1/4, sum of D² = 1/2; each cluster's score is ±r/4,
  // so the sandwich is (4/16) / (1/2)² = 1 and CR1 multiplies it by G/(G-1) = 4/3: SE = sqrt(4/3), df = 3.
  const auto p = two_period_panel({{true, 3}, {true, 5}, {false, 1}, {false, -1}});
  const TwfeEstimate e = twfe_did(p, 1.0);
  CHECK(e.estimate == Approx(4.0));
  CHECK(e.cluster_robust);
  CHECK(e.clusters == 4);
  CHECK(e.treated_clusters == 2);
  CHECK(e.se == Approx(std::sqrt(4.0 / 3.0)));
  CHECK(e.df == Approx(3.0));
  CHECK(e.high - e.estimate == Approx(3.182446305 * std::sqrt(4.0 / 3.0)).epsilon(1e-7));
}

TEST_CASE(
    "difference_in_differences: TWFE equals the collapsed DiD on a balanced panel and sweeps unbalanced "
    "ones",
    "[reports]") {
  std::vector<PanelObservation> panel;
  for (int u = 0; u < 6; ++u)
    for (int t = 1; t <= 8; ++t) {
      const bool treated = u < 2;
      const double wiggle = std::sin(u * 1.7 + t * 0.9);  // not parallel, so the estimate is not exactly 1.5
      panel.push_back({"r" + std::to_string(u), treated, double(t),
                       3.0 * u + 0.5 * t + (treated && t >= 5 ? 1.5 : 0) + wiggle});
    }
  const auto twfe = twfe_did(panel, 5);
  const auto collapsed = collapsed_did(panel, 5);
  CHECK(twfe.estimate == Approx(collapsed.estimate).epsilon(1e-9));
  // An exact effect on an unbalanced panel (one observation missing) is still recovered.
  std::vector<PanelObservation> exact;
  for (int u = 0; u < 5; ++u)
    for (int t = 1; t <= 6; ++t)
      if (!(u == 3 && t == 2))
        exact.push_back(
            {"r" + std::to_string(u), u < 2, double(t), 2.0 * u - 0.3 * t * t + (u < 2 && t >= 4 ? 7 : 0)});
  CHECK(twfe_did(exact, 4).estimate == Approx(7.0).epsilon(1e-9));
}

TEST_CASE("difference_in_differences: one treated region gets the pooled-variance interval, not n/a",
          "[reports]") {
  // Three regions, one treated (a planner's own 3-region design): changes 4 (treated), 1 and -1 (control).
  const auto p = two_period_panel({{true, 4}, {false, 1}, {false, -1}});
  const TwfeEstimate e = twfe_did(p, 1.0);
  CHECK(e.estimate == Approx(4.0));
  CHECK_FALSE(e.cluster_robust);
  // Pooled: residuals 0 (treated), ±1 (control): s² = 2 / 1, se = sqrt(2 · (1 + 1/2)) = sqrt(3), df = 1.
  CHECK(e.se == Approx(std::sqrt(3.0)));
  CHECK(e.df == Approx(1.0));
  CHECK(std::isfinite(e.low));
  // Everything treated: no estimate at all.
  CHECK(std::isnan(twfe_did(two_period_panel({{true, 1}, {true, 2}}), 1.0).estimate));
}

TEST_CASE("difference_in_differences: event study bins leads and lags around the reference bin",
          "[reports]") {
  std::vector<PanelObservation> panel;
  for (int u = 0; u < 4; ++u)
    for (int t = 0; t < 48; ++t) {
      const bool treated = u < 2;
      // Treated: a pre-trend of 0.1 per month before the start (24), then +5.
      panel.push_back({"r" + std::to_string(u), treated, double(t),
                       u + (treated ? 0.1 * std::min(t, 24) : 0.0) + (treated && t >= 24 ? 5.0 : 0.0)});
    }
  CHECK(event_study_width(24) == 12);
  CHECK(event_study_width(23) == 6);
  CHECK(event_study_width(1) == 1);
  const auto es = event_study(panel, 24, 12);
  REQUIRE(es.size() == 4);
  CHECK(es[0].time == -24);
  CHECK(es[0].estimate == Approx(-1.2));  // the pre-trend is visible as a lead
  CHECK(es[1].time == -12);
  CHECK(es[1].estimate == 0.0);
  CHECK(es[2].estimate == Approx(5.0 + 0.1 * (24 - 17.5)));
  CHECK(es[3].time == 12);
}
