#include "reports/pilot_verdict.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim::reports;
using Catch::Detail::Approx;

TEST_CASE("pilot_verdict: field estimates are classified against the truth", "[reports]") {
  CHECK(classify_field_estimate(5, true, 4, true, true) == FieldFinding::Found);
  CHECK(classify_field_estimate(5, true, 80, true, false) == FieldFinding::WrongSize);
  CHECK(classify_field_estimate(5, true, -4, true, false) == FieldFinding::WrongSign);
  CHECK(classify_field_estimate(5, true, 4, false, true) == FieldFinding::Missed);
  CHECK(classify_field_estimate(0.1, false, 4, true, false) == FieldFinding::Spurious);
  CHECK(classify_field_estimate(0.1, false, 0.3, false, true) == FieldFinding::CorrectNull);
  CHECK(classify_field_estimate(5, true, NAN, true, true) == FieldFinding::Unavailable);
  CHECK(classify_field_estimate(5, true, 4, true, true, false) == FieldFinding::Unavailable);
  CHECK(within_factor_two(3, 2));
  CHECK_FALSE(within_factor_two(5, 2));
  CHECK_FALSE(within_factor_two(-2, 2));
}

TEST_CASE("pilot_verdict: cost per unit only for a clear improvement, in the KPI's units", "[reports]") {
  const KpiInfo workers = kpi_info("employees"), share = kpi_info("adoption_share"),
                lead = kpi_info("lead_time_days");
  CHECK(cost_unit(workers) == "worker");
  CHECK(cost_unit(share) == "percentage point");
  // Counts are priced per unit of the total over the pilot regions, shares per point of the mean.
  CHECK(cost_denominator(workers, 300, 600) == 600);
  CHECK(cost_denominator(share, 0.05, 0.10) == Approx(5.0));
  CHECK(cost_per_unit(workers, 1.2e6, 600, true) == Approx(2000));
  CHECK(std::isnan(cost_per_unit(workers, 1.2e6, 600, false)));  // CI includes zero
  CHECK(std::isnan(cost_per_unit(workers, 1.2e6, -600, true)));  // employment fell
  CHECK(std::isnan(cost_per_unit(workers, 0, 600, true)));       // nothing spent
  CHECK(cost_per_unit(lead, 1e6, -0.5, true) == Approx(2e6));    // shorter lead time is a gain
  CHECK(std::isnan(cost_per_unit(kpi_info("cross_region_tie_share"), 1e6, 2, true)));  // no better direction
  CHECK(kpi_info("infrastructure").input);
}

TEST_CASE("pilot_verdict: sentences say what the pilot did, what it cost and what a DiD would find",
          "[reports]") {
  VerdictOutcome adoption{"adoption_share",          0.065, true, 3e7, FieldFinding::Missed, -0.018,
                          FieldFinding::Unavailable, 0};
  VerdictOutcome employment{
      "employees", 355, true, 270000, FieldFinding::WrongSize, 5814, FieldFinding::Unavailable, 0};
  const auto v = pilot_verdict("Pilot X", 1.9e8, 10, {adoption, employment});
  REQUIRE(v.size() == 4);
  CHECK(v[0].find("over 10 paired replications") != std::string::npos);
  CHECK(v[0].find("platform adoption share +6.5 points") != std::string::npos);
  CHECK(v[1].find("30 M yuan per extra percentage point of platform adoption share") != std::string::npos);
  CHECK(v[1].find("270,000 yuan per extra worker") != std::string::npos);
  CHECK(v[2].find("would have missed it") != std::string::npos);
  CHECK(v[3].find("employment +5,814 workers against the true +355 workers") != std::string::npos);
  // Nothing clear: no cost, and a single replication is named as such.
  VerdictOutcome flat{"adoption_share",          0.001, false, NAN, FieldFinding::CorrectNull, 0.002,
                      FieldFinding::Unavailable, 0};
  const auto w = pilot_verdict("Pilot X", 1e6, 1, {flat});
  CHECK(w[0].find("single with/without pair") != std::string::npos);
  CHECK(w[0].find("no clear difference") != std::string::npos);
  CHECK(w[1].find("no clear gain") != std::string::npos);
  CHECK(w[2].find("would correctly have found no clear effect") != std::string::npos);
}
