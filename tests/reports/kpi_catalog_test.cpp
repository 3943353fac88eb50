#include "reports/kpi_catalog.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace vicsim::reports;

TEST_CASE("kpi_catalog: each KPI's direction decides better or worse; inputs are flagged", "[reports]") {
  CHECK(std::string(change_class(kpi_info("employees"), 5)) == "better");
  CHECK(std::string(change_class(kpi_info("employees"), -5)) == "worse");
  CHECK(std::string(change_class(kpi_info("lead_time_days"), -1)) == "better");  // shorter is better
  CHECK(std::string(change_class(kpi_info("transaction_cost_per_unit"), 10)) == "worse");
  CHECK(std::string(change_class(kpi_info("cross_region_tie_share"), 0.1)) == "changed");  // no direction
  CHECK(improvement_sign(kpi_info("employees"), 0) == 0);
  CHECK(kpi_info("infrastructure").input);
  CHECK_FALSE(kpi_info("adoption_share").input);
  // Real output, not nominal output, is the headline output measure.
  const auto& h = headline_kpis();
  CHECK(std::find(h.begin(), h.end(), "real_output") != h.end());
  CHECK(std::find(h.begin(), h.end(), "output") == h.end());
  CHECK(cost_unit(kpi_info("employees")) == "worker");
  CHECK(cost_unit(kpi_info("adoption_share")) == "percentage point");
  CHECK(cost_phrase(kpi_info("employees")) == "per extra worker");
  CHECK(cost_phrase(kpi_info("cloud_adoption_share")) ==
        "per extra percentage point of cloud adoption share");
  CHECK(cost_phrase(kpi_info("digital_divide_gap")) == "per percentage point off the digital-divide gap");
  CHECK(cost_phrase(kpi_info("lead_time_days")) == "per day off the delivery lead time");
  CHECK(cost_phrase(kpi_info("service_latency_ms")) == "per ms off the platform service latency");
}

TEST_CASE("kpi_catalog: one facet title rule for every report", "[reports]") {
  CHECK(facet_label(kpi_info("adoption_share")) == kpi_info("adoption_share").label + " (%)");
  CHECK(facet_label(kpi_info("firms")) == "number of firms");  // a count: the label says what it counts
  const KpiInfo days = kpi_info("lead_time_days");
  REQUIRE_FALSE(days.unit.empty());
  CHECK(facet_label(days) == days.label + " (" + days.unit + ")");
}
