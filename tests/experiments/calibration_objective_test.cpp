#include "experiments/calibration_objective.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim::experiments;

namespace {
CalibrationTarget target(double value, double tolerance, double weight) {
  CalibrationTarget t;
  t.value = value;
  t.tolerance = tolerance;
  t.weight = weight;
  return t;
}
}  // namespace

TEST_CASE("calibration_objective: weighted squared relative distance of the means", "[experiments]") {
  const std::vector<CalibrationTarget> ts = {target(100, 10, 1), target(0.5, 0, 3)};
  // Mean 110 is one tolerance off (d = 1); mean 0.25 is half the value off (d = -0.5, scale |0.5|).
  const std::vector<KpiMoments> m = {{110, 1}, {0.25, 0.1}};
  CHECK(calibration_objective(ts, m) == Approx((1.0 * 1.0 + 3.0 * 0.25) / 4.0));
  CHECK(calibration_objective(ts, {{100, 0}, {0.5, 0}}) == 0.0);
  // A missing KPI is a failure, never a good fit.
  CHECK(calibration_objective(ts, {{std::nan(""), 0}, {0.5, 0}}) == kFailedObjective);
}

TEST_CASE("calibration_objective: moments are the replication mean and sample sd", "[experiments]") {
  const auto m = kpi_moments({{1, 10}, {3, 10}, {5, 10}});
  REQUIRE(m.size() == 2);
  CHECK(m[0].mean == 3.0);
  CHECK(m[0].sd == Approx(2.0));
  CHECK(m[1].sd == 0.0);
  CHECK(kpi_moments({{7}})[0].sd == 0.0);
  CHECK(std::isnan(kpi_moments({{1}, {std::nan("")}})[0].mean));
}

TEST_CASE("calibration_objective: the unit cube maps onto the bounds and back", "[experiments]") {
  std::vector<CalibrationParameter> p(2);
  p[0].bounds = {0.1, 0.3};
  p[1].bounds = {-5, 5};
  const auto v = parameter_values(p, {0.5, 1.0});
  CHECK(v[0] == Approx(0.2));
  CHECK(v[1] == 5.0);  // the upper end is the bound exactly
  CHECK(parameter_values(p, {-0.2, 0.0})[0] == 0.1);
  const auto u = unit_point(p, {0.15, 0.0});
  CHECK(u[0] == Approx(0.25));
  CHECK(u[1] == Approx(0.5));
}

TEST_CASE("calibration_objective: seed blocks give common random numbers", "[experiments]") {
  CHECK(calibration_seed(7, 0, 0) == calibration_seed(7, 0, 0));
  CHECK(calibration_seed(7, 0, 0) != calibration_seed(7, 0, 1));
  CHECK(calibration_seed(7, 0, 1) != calibration_seed(7, 1, 1));
  CHECK(calibration_seed(7, 1, 1) < (std::uint64_t{1} << 53));
}

TEST_CASE("calibration_objective: block spread and profile flatness", "[experiments]") {
  const auto s = block_spread({1, 2, 3, 6});
  CHECK(s.mean == 3.0);
  CHECK(s.sd == Approx(std::sqrt(14.0 / 3.0)));
  CHECK(s.min == 1.0);
  CHECK(s.max == 6.0);
  // A parabola 0.2 + 4 x²: curvature 8, rises 0.04 at |x| = 0.1.
  std::vector<double> xs = {-0.1, -0.05, 0.05, 0.1}, ys;
  for (double x : xs) ys.push_back(0.2 + 4 * x * x);
  auto p = profile_summary(xs, ys, 0.2, 0.01);
  CHECK(p.curvature == Approx(8.0));
  CHECK(p.rise == Approx(0.04));
  CHECK_FALSE(p.flat);
  CHECK_FALSE(p.lower_found);
  p = profile_summary(xs, ys, 0.2, 0.05);
  CHECK(p.flat);
  // A profile point below the optimum says the fit stopped short.
  ys[0] = 0.1;
  CHECK(profile_summary(xs, ys, 0.2, 0.01).lower_found);
}

TEST_CASE("calibration_objective: a target with per divides its KPI by the denominator", "[experiments]") {
  using namespace vicsim::experiments;
  const auto table = vicsim::reports::CsvTable::parse("tick,employees,firms\n1,600,10\n2,900,12\n", "t.csv");
  const nlohmann::json summary = {{"first_tick", {{"employees", 600.0}, {"firms", 10.0}}}};
  CalibrationTarget t;
  t.kpi.summary = "first_tick.employees";
  CHECK(calibration_kpi(t, table, summary) == 600.0);
  t.per = "first_tick.firms";
  t.per_kpi.summary = "first_tick.firms";
  CHECK(calibration_kpi(t, table, summary) == 60.0);
  const nlohmann::json no_firms = {{"first_tick", {{"employees", 600.0}, {"firms", 0.0}}}};
  CHECK_THROWS_WITH(calibration_kpi(t, table, no_firms), Catch::Contains("per KPI 'first_tick.firms' is 0"));
  CalibrationTarget c;
  c.kpi.column = "employees";
  c.kpi.kind = Aggregate::Mean;
  c.per = "firms";
  c.per_kpi = c.kpi;
  c.per_kpi.column = "firms";
  CHECK(calibration_kpi(c, table, summary) == Approx(750.0 / 11.0));
}
