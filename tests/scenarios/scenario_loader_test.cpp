#include "scenarios/scenario_loader.hpp"

#include <catch2/catch.hpp>

#include "sim/infrastructure_layer.hpp"
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
  doc["mechanisms"]["trade"]["switch_margin"] = 3;
  doc["mechanisms"]["trade"]["choice_sensitivty"] = 1;
  doc["regions"][1]["x_km"] = "far";
  doc["regions"][0]["endowment"] = {{"aa", 0.5}};
  auto r = load_scenario(doc, "bad.json");
  CHECK_FALSE(r.scenario);
  CHECK(mentions(r.problems, "tiks", "did you mean 'ticks'"));
  CHECK(mentions(r.problems, "mechanisms.trade.switch_margin", "in [0, 1]"));
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
  CHECK(mentions(r.problems, "industries[1].cross_inputs", "cycle"));
}

TEST_CASE("scenario_loader: industries buying from each other are rejected even when the stages allow it",
          "[scenarios]") {
  json doc = minimal();  // a.components -> b.y and b.x -> a.assembly: acyclic stages, cyclic industries
  doc["industries"][0]["cross_inputs"] =
      json::array({{{"from_industry", "b"}, {"from_stage", "x"}, {"to_stage", "assembly"}}});
  doc["industries"][1]["cross_inputs"] =
      json::array({{{"from_industry", "a"}, {"from_stage", "components"}, {"to_stage", "y"}}});
  auto r = load_scenario(doc, "cyc.json");
  CHECK(mentions(r.problems, "industries[1].cross_inputs", "'a' <- 'b' <- 'a'"));
  doc["industries"][0].erase("cross_inputs");
  CHECK(load_scenario(doc, "ok.json").problems.empty());
}

TEST_CASE("scenario_loader: inverted ranges, bad names and a population over the cap are rejected",
          "[scenarios]") {
  auto r = load_scenario(minimal(), "inv.json",
                         {"mechanisms.adoption.threshold_min=0.6", "mechanisms.adoption.threshold_max=0.2",
                          "mechanisms.infrastructure.bandwidth_min_mbps=500",
                          "mechanisms.infrastructure.bandwidth_max_mbps=20"});
  CHECK(mentions(r.problems, "mechanisms.adoption.threshold_min", "must not exceed"));
  CHECK(mentions(r.problems, "mechanisms.infrastructure.bandwidth_min_mbps", "must not exceed"));
  json doc = minimal();
  doc["regions"][0]["name"] = "";
  doc["regions"][1]["name"] = std::string("r\0x", 3);
  doc["industries"][0]["name"] = "=HYPERLINK(\"x\")";
  doc["industries"][1]["stages"] = json::array({"x", "@y"});
  r = load_scenario(doc, "names.json");
  CHECK(mentions(r.problems, "regions[0].name", "non-empty"));
  CHECK(mentions(r.problems, "regions[1].name", "control characters"));
  CHECK(mentions(r.problems, "industries[0].name", "formula"));
  CHECK(mentions(r.problems, "industries[1].stages[1]", "formula"));
  r = load_scenario(minimal(), "cap.json",
                    {"mechanisms.population.count=5000", "mechanisms.demography.max_firms=4000"});
  CHECK(mentions(r.problems, "mechanisms.population.count", "at most 4000"));
  r = load_scenario(minimal(), "cap.json",
                    {"mechanisms.population.count=5000", "mechanisms.demography.max_firm_growth=1"});
  CHECK(r.problems.empty());  // exactly at the cap
}

TEST_CASE("scenario_loader: --set selectors [*] and [key=value] reach every matching item", "[scenarios]") {
  auto r = load_scenario(minimal(), "m.json",
                         {"regions[*].infrastructure=0.7", "regions[name=r2].x_km=42",
                          "industries[name=b].input_coefficient=0.5"});
  REQUIRE(r.problems.empty());
  CHECK(r.scenario->regions[0].infrastructure == 0.7);
  CHECK(r.scenario->regions[1].infrastructure == 0.7);
  CHECK(r.scenario->regions[0].x_km == 0);
  CHECK(r.scenario->regions[1].x_km == 42);
  CHECK(r.scenario->industries[1].input_coefficient == 0.5);
  r = load_scenario(minimal(), "m.json", {"regions[name=r3].x_km=1"});
  CHECK(mentions(r.problems, "regions[name=r3]", "did you mean 'r1'"));
}

TEST_CASE("scenario_loader: malformed --set paths and values are refused, never applied", "[scenarios]") {
  for (const std::string bad :
       {"regions[0.x_km=1", "regions[0]]].x_km=1", "regions[0]x_km=5", "mechanisms..population.count=5",
        "regions[18446744073709551616].x_km=1", "regions[99999999999999999999999].x_km=1", ".ticks=5",
        "ticks.=5", "[0]=1", "regions[].x_km=1", "regions[name=].x_km=1", "=5", "ticks"}) {
    auto r = load_scenario(minimal(), "m.json", {bad});
    INFO(bad);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("--set '") != std::string::npos);
    CHECK_FALSE(r.scenario);
  }
  auto r = load_scenario(minimal(), "m.json", {"seed=1e999"});
  CHECK(mentions(r.problems, "seed", "out of range"));
  r = load_scenario(minimal(), "m.json", {"description=" + std::string(100, '[') + std::string(100, ']')});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message.find("deeper than 64") != std::string::npos);
  r = load_scenario(minimal(), "m.json", {"name=Wuhan"});  // a bare word is a string
  CHECK(r.problems.empty());
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

TEST_CASE("scenario_loader: industry relatedness names known other industries, in [0,1], symmetric",
          "[scenarios]") {
  json doc = minimal();
  doc["industries"].push_back({{"name", "c"}});
  doc["industries"][0]["relatedness"] = {{"bb", 0.5}, {"a", 1.0}, {"c", 0.4}};
  doc["industries"][2]["relatedness"] = {{"a", 0.3}};
  auto r = load_scenario(doc, "mem.json");
  CHECK(mentions(r.problems, "industries[0].relatedness.bb", "did you mean 'b'"));
  CHECK(mentions(r.problems, "industries[0].relatedness.a", "to itself"));
  CHECK(mentions(r.problems, "industries[0].relatedness.c", "symmetric"));
  // Out of range is a type error of the key, reported before the cross-references.
  json range = minimal();
  range["industries"][1]["relatedness"] = {{"a", 1.5}};
  CHECK(mentions(load_scenario(range, "mem.json").problems, "industries[1].relatedness.a", "[0, 1]"));
  doc["industries"][0]["relatedness"] = {{"c", 0.3}};
  doc["industries"][1]["relatedness"] = {{"a", 0.5}};
  CHECK(load_scenario(doc, "mem.json").problems.empty());
}

TEST_CASE("scenario_loader: limits the model cannot run past are refused at load", "[scenarios]") {
  json doc = minimal();
  doc["regions"][1]["labour_cost"] = 0;
  doc["regions"][1]["land_cost"] = 0;
  auto r = load_scenario(doc, "zero.json");
  CHECK_FALSE(r.scenario);
  CHECK(mentions(r.problems, "regions[1].labour_cost", "labour_cost + land_cost > 0"));
  doc["regions"][1]["land_cost"] = 10;  // either alone may be 0
  CHECK(load_scenario(doc, "one.json").problems.empty());

  // The SimGrid layer has one slot per region in a fixed pool (half of it per simulation, so that two fit
  // side by side): more regions need the layer off.
  json many = minimal();
  many["regions"] = json::array();
  for (std::size_t i = 0; i <= vicsim::sim::kRegionSlots; ++i)
    many["regions"].push_back({{"name", "r" + std::to_string(i)}, {"x_km", 10.0 * static_cast<double>(i)}});
  many["platforms"] = json::parse(R"([{"name": "P"}])");
  r = load_scenario(many, "many.json");
  CHECK(mentions(r.problems, "regions", "the SimGrid infrastructure layer supports at most 32 regions"));
  many["mechanisms"]["infrastructure"]["enabled"] = false;
  r = load_scenario(many, "many.json");
  INFO(vicsim::test::format_all(r.problems));
  CHECK(r.problems.empty());
}

TEST_CASE("scenario_loader: the middle platform cannot be owned by a firm", "[scenarios]") {
  // It serves platforms, not firms (sim::takes_firm_members), so a chain-master owner would be its member.
  json doc = minimal();
  doc["platforms"] = json::parse(R"([{"name": "M", "level": "middle", "owner": "chain_master",
                                      "owner_industry": "a"}])");
  auto r = load_scenario(doc, "m.json");
  CHECK_FALSE(r.scenario);
  CHECK(mentions(r.problems, "platforms[0].owner", "serves the other platforms, not firms"));
  doc["platforms"][0]["owner"] = "independent";
  doc["platforms"][0].erase("owner_industry");
  r = load_scenario(doc, "m.json");
  INFO(vicsim::test::format_all(r.problems));
  CHECK(r.problems.empty());
}

TEST_CASE("scenario_loader: partners_only needs a chain-master owner and a boolean", "[scenarios]") {
  json doc = minimal();
  doc["platforms"] = json::parse(R"([{"name": "P", "level": "enterprise", "owner": "chain_master",
                                      "owner_industry": "a", "partners_only": true}])");
  auto r = load_scenario(doc, "p.json");
  INFO(vicsim::test::format_all(r.problems));
  REQUIRE(r.scenario);
  CHECK(r.scenario->platforms[0].partners_only);
  CHECK(to_json(*r.scenario)["platforms"][0]["partners_only"] == true);
  // Only a chain-master owner has partners to admit: an independent platform would admit anyone.
  doc["platforms"] = json::parse(R"([{"name": "E", "level": "enterprise", "partners_only": true}])");
  r = load_scenario(doc, "p.json");
  CHECK_FALSE(r.scenario);
  CHECK(mentions(r.problems, "platforms[0].partners_only", "set owner to 'chain_master'"));
  doc["platforms"][0]["partners_only"] = "yes";
  r = load_scenario(doc, "p.json");
  CHECK(mentions(r.problems, "platforms[0].partners_only", "expected true or false"));
}
