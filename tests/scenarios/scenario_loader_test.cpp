#include "scenarios/scenario_loader.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace vicsim::scenarios;
using nlohmann::json;

namespace {
json minimal() {
  return json::parse(R"({"regions":[{"name":"r1"},{"name":"r2","x_km":500}],
                         "industries":[{"name":"a"},{"name":"b","stages":["x","y"]}]})");
}
bool mentions(const Diagnostics& d, const std::string& path, const std::string& words) {
  for (const auto& p : d)
    if (p.path == path && p.message.find(words) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("scenario_loader: a minimal scenario gets every default", "[scenarios]") {
  auto r = load_scenario(minimal(), "mem.json");
  REQUIRE(r.problems.empty());
  CHECK(r.scenario->ticks == 120);
  CHECK(r.scenario->mechanisms.ties.preferential_exponent == 1.08);
  CHECK(r.scenario->industries[0].stages.size() == 4);
  const json out = to_json(*r.scenario);
  CHECK(out["mechanisms"]["knowledge"]["half_distance_km"] == 1200.0);
  // Writing and reading back gives the same document.
  auto again = load_scenario(out, "roundtrip.json");
  REQUIRE(again.problems.empty());
  CHECK(to_json(*again.scenario) == out);
}

TEST_CASE("scenario_loader: every problem is reported with its path", "[scenarios]") {
  json doc = minimal();
  doc["tiks"] = 10;
  doc["mechanisms"]["trade"]["trust_discount"] = 3;
  doc["mechanisms"]["trade"]["choice_sensitivty"] = 1;
  doc["regions"][1]["x_km"] = "far";
  doc["regions"][0]["endowment"] = {{"aa", 0.5}};
  auto r = load_scenario(doc, "bad.json");
  CHECK_FALSE(r.scenario);
  CHECK(mentions(r.problems, "tiks", "did you mean 'ticks'"));
  CHECK(mentions(r.problems, "mechanisms.trade.trust_discount", "in [0, 1]"));
  CHECK(mentions(r.problems, "mechanisms.trade.choice_sensitivty", "did you mean 'choice_sensitivity'"));
  CHECK(mentions(r.problems, "regions[1].x_km", "expected a number"));
  for (const auto& p : r.problems) CHECK(p.file == "bad.json");
}

TEST_CASE("scenario_loader: cross-references are checked", "[scenarios]") {
  json doc = minimal();
  doc["regions"][0]["endowment"] = {{"aa", 0.5}};
  doc["industries"][1]["cross_inputs"] =
      json::array({{{"from_industry", "a"}, {"from_stage", "nope"}, {"to_stage", "y"}}});
  doc["regions"][1]["name"] = "r1";
  auto r = load_scenario(doc, "x.json");
  CHECK(mentions(r.problems, "regions[0].endowment.aa", "did you mean 'a'"));
  CHECK(mentions(r.problems, "industries[1].cross_inputs[0].from_stage", "not a stage"));
  CHECK(mentions(r.problems, "regions[1].name", "duplicate"));
}

TEST_CASE("scenario_loader: a cycle among cross inputs is rejected", "[scenarios]") {
  json doc = minimal();
  doc["industries"][0]["cross_inputs"] =
      json::array({{{"from_industry", "b"}, {"from_stage", "y"}, {"to_stage", "components"}}});
  doc["industries"][1]["cross_inputs"] =
      json::array({{{"from_industry", "a"}, {"from_stage", "assembly"}, {"to_stage", "x"}}});
  auto r = load_scenario(doc, "cyc.json");
  CHECK(mentions(r.problems, "industries", "cycle"));
}

TEST_CASE("scenario_loader: --set overrides nested keys and array items", "[scenarios]") {
  auto r = load_scenario(
      minimal(), "m.json",
      {"mechanisms.trade.enabled=false", "regions[1].infrastructure=0.9", "regions.0.name=home", "ticks=7"});
  REQUIRE(r.problems.empty());
  CHECK_FALSE(r.scenario->mechanisms.trade.enabled);
  CHECK(r.scenario->regions[1].infrastructure == 0.9);
  CHECK(r.scenario->regions[0].name == "home");
  CHECK(r.scenario->ticks == 7);
  auto bad =
      load_scenario(minimal(), "m.json", {"regions[5].x_km=1", "noequals", "mechanisms.trade.enabeld=true"});
  CHECK(mentions(bad.problems, "regions[5]", "out of range"));
  CHECK(bad.problems.size() >= 2);
}

TEST_CASE("scenario_loader: files report syntax errors with line and column", "[scenarios]") {
  auto missing = load_scenario_file("/nonexistent/x.json");
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].message.find("cannot open") != std::string::npos);
  CHECK(load_scenario_file(vicsim::test::bundled("traditional.json")).scenario.has_value());
}
