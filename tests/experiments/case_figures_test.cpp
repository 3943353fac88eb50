// The case figures are measured by one function (experiments/case_figures.hpp) for the validation suite and
// for calibration targets; these tests check that a calibration's case-figure target is that measurement.
#include "experiments/case_figures.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

#include "experiments/calibration_objective.hpp"
#include "test_support.hpp"

namespace ex = vicsim::experiments;

TEST_CASE("case_figures: a calibration's case-figure target equals the validation suite's measurement",
          "[experiments]") {
  const std::vector<std::uint64_t> seeds = {3000, 3001};
  // A quarter of the bundled population: the two ways must agree at any size, and this test also runs
  // under the sanitizers (scripts/reliability.sh).
  const std::string kPopulation = "mechanisms.population.count=500";
  // The validation suite's way (tests/agents/platform_pattern_test.cpp, "[case_figures]"): load the bundled
  // scenario with the seed and 48 months, measure, pool the sums.
  std::vector<ex::CaseFigureTotals> validation;
  ex::CaseFigureTotals pooled;
  for (auto seed : seeds) {
    validation.push_back(ex::measure_case_figure_totals(
        vicsim::test::load("platform_led.json", {"seed=" + std::to_string(seed), "ticks=48", kPopulation})));
    pooled += validation.back();
  }
  // The calibration's way (app/calibration_runner.cpp): the scenario file with the candidate's overrides,
  // one seed per replication, then apply_case_figures on the replications' moments.
  const auto totals =
      ex::measure_case_figure_seeds(vicsim::test::bundled("platform_led.json"), {kPopulation}, seeds);
  std::vector<ex::CalibrationTarget> targets;
  for (const auto& e : ex::case_figure_table()) {
    ex::CalibrationTarget t;
    t.name = t.case_figure = e.key;
    t.value = 0.5 * (e.low + e.high);
    targets.push_back(t);
  }
  std::vector<std::vector<double>> kpis(seeds.size(), std::vector<double>(targets.size(), std::nan("")));
  auto m = ex::kpi_moments(kpis);
  ex::apply_case_figures(targets, totals, kpis, m);
  bool pooling_matters = false;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const auto figure = ex::case_figure_table()[k].figure;
    INFO(targets[k].name);
    // Equal up to rounding, not bit for bit: the two ways run one after another in this process, and
    // SimGrid's clock is shared by them, so message times are differences of larger clock values
    // (docs/ODD.md, the §9 Determinism, on SimGrid). A pooling or pairing error moves a figure by
    // far more than 1e-9.
    CHECK(m[k].mean == Approx(ex::case_figure_value(pooled, figure)).epsilon(1e-9));
    for (std::size_t r = 0; r < seeds.size(); ++r)
      CHECK(kpis[r][k] == Approx(ex::case_figure_value(validation[r], figure)).epsilon(1e-9));
    CHECK(m[k].sd > 0);
    // The mean of the replications' own figures is not the pooled figure: the pooling is what is tested.
    pooling_matters = pooling_matters || m[k].mean != 0.5 * (kpis[0][k] + kpis[1][k]);
  }
  CHECK(pooling_matters);
  CHECK(std::isfinite(ex::calibration_objective(targets, m)));
}

TEST_CASE("case_figures: a figure is the joiners' sum over the controls' minus one, NaN without pairs",
          "[experiments]") {
  ex::CaseFigureTotals t;
  CHECK(std::isnan(ex::case_figure_value(t, ex::CaseFigure::TotalCost)));
  t.pairs = 2;
  CHECK(
      std::isnan(ex::case_figure_value(t, ex::CaseFigure::DeliveryTime)));  // no pair delivered through ties
  t.delivery_pairs = 1;
  t.lead_treated = 16, t.lead_control = 20;
  t.cost_treated = 0.92, t.cost_control = 1.0;
  t.quality_treated = 1.05, t.quality_control = 1.0;
  t.efficiency_treated = 13, t.efficiency_control = 10;
  CHECK(ex::case_figure_value(t, ex::CaseFigure::DeliveryTime) == Approx(-0.2));
  CHECK(ex::case_figure_value(t, ex::CaseFigure::TotalCost) == Approx(-0.08));
  CHECK(ex::case_figure_value(t, ex::CaseFigure::Quality) == Approx(0.05));
  CHECK(ex::case_figure_value(t, ex::CaseFigure::ManagementEfficiency) == Approx(0.3));
  CHECK(ex::find_case_figure("quality") != nullptr);
  CHECK(ex::find_case_figure("qualty") == nullptr);
  CHECK_THROWS_WITH(ex::measure_case_figure_totals(vicsim::test::load("traditional.json", {"ticks=2"})),
                    Catch::Contains("no platform named \"COSMO-Appliances\""));
}

TEST_CASE("case_figures: the channels describe the joiners and their controls at the measurement month",
          "[experiments]") {
  // docs/ODD.md 7.98: forced joiners go on the cloud on joining and never leave it; a control that joined is
  // not compared, so no control subscribes to apps; the delivery figure is over pairs that both delivered.
  const auto t =
      ex::measure_case_figure_totals(vicsim::test::load("platform_led.json", {"seed=3000", "ticks=48"}));
  REQUIRE(t.pairs > 50);
  const auto at = [&](const char* k) { return t.parts.at(k); };
  CHECK(at("on_cloud")[0] == t.pairs);
  CHECK(at("member")[1] == 0);
  CHECK(at("apps")[1] == 0);
  CHECK(at("apps")[0] > 0);  // members subscribe to the apps of COSMO-Appliances or of another platform
  // The estimand (7.106): only joiners still members are compared; some forced joiners left (7.37), and the
  // intention-to-treat sums count them.
  CHECK(at("member")[0] == t.pairs);
  CHECK(at("itt.pairs")[0] > t.pairs);
  ex::CaseFigureDesign itt;
  itt.estimand = ex::CaseEstimand::IntentionToTreat;
  const auto all =
      ex::measure_case_figure_totals(vicsim::test::load("platform_led.json", {"seed=3000", "ticks=48"}), itt);
  CHECK(all.pairs == at("itt.pairs")[0]);
  CHECK(all.cost_treated == Approx(at("itt.cost")[0]).epsilon(1e-9));
  CHECK(all.parts.at("member")[0] < all.pairs);
  CHECK(t.delivery_pairs > 0);
  CHECK(t.delivery_pairs <= t.pairs);
  CHECK(at("maturity")[0] > at("maturity")[1]);
}

// Not in the default run (about 3 × 60 months of platform_led.json): the horizons and estimands reported in
// docs/ODD.md 7.106, on the validation suite's seeds. The design's horizon (24 months) was chosen from the
// seed texts before this was measured; the others are reported beside it, not chosen from.
TEST_CASE("case_figures: the figures 12, 24 and 36 months after joining, stayers and intention to treat",
          "[experiments][.case_figure_horizons]") {
  const std::vector<std::int32_t> horizons = {12, 24, 36};
  std::vector<ex::CaseFigureTotals> pooled(horizons.size());
  for (int r = 0; r < 3; ++r) {
    const auto t = ex::measure_case_figure_horizons(
        vicsim::test::load("platform_led.json", {"seed=" + std::to_string(3000 + r)}), {}, horizons);
    REQUIRE(t.size() == horizons.size());
    for (std::size_t k = 0; k < t.size(); ++k) pooled[k] += t[k];
  }
  for (std::size_t k = 0; k < horizons.size(); ++k) {
    const auto& t = pooled[k];
    const auto itt = [&](const char* key) { return t.parts.at(key)[0] / t.parts.at(key)[1] - 1; };
    WARN("horizon " << horizons[k] << " months: stayers (" << t.pairs << " pairs) delivery "
                    << ex::case_figure_value(t, ex::CaseFigure::DeliveryTime) << ", total cost "
                    << ex::case_figure_value(t, ex::CaseFigure::TotalCost) << ", quality "
                    << ex::case_figure_value(t, ex::CaseFigure::Quality) << ", management efficiency "
                    << ex::case_figure_value(t, ex::CaseFigure::ManagementEfficiency)
                    << "; intention to treat (" << t.parts.at("itt.pairs")[0] << " pairs) delivery "
                    << itt("itt.delivery") << ", total cost " << itt("itt.cost") << ", quality "
                    << itt("itt.quality") << ", management efficiency " << itt("itt.efficiency")
                    << "; stayers buying in-plant " << t.parts.at("in_plant")[0] / t.pairs << ", mean level "
                    << t.parts.at("in_plant_level")[0] / t.pairs);
    CHECK(t.pairs > 0);
    CHECK(t.pairs <= t.parts.at("itt.pairs")[0]);  // the stayers are some of the compared pairs
    CHECK(t.parts.at("member")[0] == t.pairs);
  }
}
