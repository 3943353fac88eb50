#include "agents/mechanism_registry.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "agents/model_phases.hpp"
#include "reports/csv_table.hpp"
#include "reports/run_writers.hpp"
#include "scenarios/mechanism_switches.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"

using namespace vicsim;

TEST_CASE("mechanism_registry: every entry names real switches, parameters, phases and columns", "[agents]") {
  // A scenario with platforms, so that platforms[*] paths select something.
  auto loaded =
      scenarios::load_scenario_file(std::string(VICSIM_SOURCE_DIR) + "/scenarios/platform_led.json");
  REQUIRE(loaded.scenario);
  const auto full = scenarios::to_json(*loaded.scenario);

  std::set<std::string> phases, names;
  for (const auto& p : agents::model_phases()) CHECK(phases.insert(p.name).second);
  std::ostringstream ts;
  reports::write_timeseries_csv(ts, {}, {});
  const auto header = reports::CsvTable::parse(ts.str(), "timeseries.csv").header();
  const std::set<std::string> columns(header.begin(), header.end());

  for (const auto& m : agents::mechanism_registry()) {
    INFO(m.name);
    CHECK(names.insert(m.name).second);
    CHECK(!m.switches.empty());
    for (const auto& sw : m.switches) {
      INFO(sw.path);
      CHECK(!scenarios::expand_path(full, sw.path).empty());
    }
    const auto params = scenarios::expand_path(full, m.parameters);
    REQUIRE(!params.empty());
    for (const char* key : m.parameter_keys) {
      INFO(key);
      CHECK(!scenarios::expand_path(full, params.front() + "." + key).empty());
    }
    for (const char* ph : m.phases) {
      INFO(ph);
      CHECK(phases.count(ph) == 1);
    }
    for (const char* col : m.metrics) {
      INFO(col);
      CHECK(columns.count(col) == 1);
    }
  }
}

TEST_CASE("mechanism_registry: the schema, the world builder and the time-series writer loop over the table",
          "[agents]") {
  auto loaded =
      scenarios::load_scenario_file(std::string(VICSIM_SOURCE_DIR) + "/scenarios/platform_led.json");
  REQUIRE(loaded.scenario);
  auto s = *loaded.scenario;
  REQUIRE(!s.platforms.empty());
  // The schema's keys of platforms[*].services are the registry's platform services.
  std::set<std::string> keys, services;
  const auto doc = scenarios::to_json(s);
  for (const auto& [k, v] : doc["platforms"][0]["services"].items()) keys.insert(k);
  for (const auto& m : agents::mechanism_registry())
    if (m.service) services.insert(agents::service_key(m));
  CHECK(keys == services);
  CHECK(services.size() >= 6);
  // The world builder copies each declared service flag, whichever value the scenario gives it.
  for (const auto& m : agents::mechanism_registry()) {
    if (!m.service) continue;
    INFO(m.name);
    for (bool on : {false, true}) {
      s.platforms[0].services.*(m.service) = on;
      CHECK(scenarios::build_world(s).platforms[0].services.*(m.service) == on);
    }
  }
  // The writer appends the registry's own columns after sim::columns(), in table order.
  std::ostringstream ts;
  reports::write_timeseries_csv(ts, {}, {});
  const auto header = reports::CsvTable::parse(ts.str(), "timeseries.csv").header();
  std::vector<std::string> declared;
  for (const auto& m : agents::mechanism_registry())
    for (const auto& col : m.columns) {
      declared.emplace_back(col.name);
      bool named = false;  // a computed column is also one of the entry's metrics
      for (const char* metric : m.metrics) named = named || std::string(metric) == col.name;
      CHECK(named);
    }
  REQUIRE(!declared.empty());
  REQUIRE(header.size() >= 2 + sim::columns().size() + declared.size());
  for (std::size_t k = 0; k < declared.size(); ++k)
    CHECK(header[2 + sim::columns().size() + k] == declared[k]);
}

TEST_CASE("mechanism_switches: A's state, absent mechanisms and coalitions", "[scenarios]") {
  auto traditional =
      scenarios::load_scenario_file(std::string(VICSIM_SOURCE_DIR) + "/scenarios/traditional.json");
  REQUIRE(traditional.scenario);
  auto base = scenarios::to_json(*traditional.scenario);
  auto a_doc = base;
  auto b_doc = base;
  b_doc["platforms"] = nlohmann::json::array(
      {nlohmann::json{{"name", "P"}, {"launch_tick", 0}}, nlohmann::json{{"name", "Q"}, {"launch_tick", 3}}});
  b_doc["mechanisms"]["knowledge"]["collaboration_enabled"] = false;
  auto la = scenarios::load_scenario(a_doc, "a"), lb = scenarios::load_scenario(b_doc, "b");
  REQUIRE(la.scenario);
  REQUIRE(lb.scenario);
  const auto a = scenarios::to_json(*la.scenario), b = scenarios::to_json(*lb.scenario);

  const auto groups = scenarios::group_switches(a, b);
  std::set<std::string> names;
  for (const auto& g : groups) names.insert(g.name);
  // Collaboration is present in both and differs: A's state is A's value (true).
  CHECK(names.count("collaboration") == 1);
  // Platforms are absent in A: their state there is off (launch_tick −1 on every platform of B).
  REQUIRE(names.count("platforms") == 1);
  // Groups that agree are left out.
  CHECK(names.count("supply_ties") == 0);

  const auto chosen = scenarios::group_switches(a, b, {"collaboration", "plat=platforms"});
  REQUIRE(chosen.size() == 2);
  CHECK(chosen[1].name == "plat");
  const auto none = scenarios::coalition_document(b, chosen, 0u);
  CHECK(none["mechanisms"]["knowledge"]["collaboration_enabled"] == true);
  CHECK(none["platforms"][0]["launch_tick"] == -1);
  CHECK(none["platforms"][1]["launch_tick"] == -1);
  const auto only_platforms = scenarios::coalition_document(b, chosen, 2u);
  CHECK(only_platforms["mechanisms"]["knowledge"]["collaboration_enabled"] == true);
  CHECK(only_platforms["platforms"][1]["launch_tick"] == 3);
  CHECK(scenarios::coalition_document(b, chosen, 3u) == b);
  CHECK_THROWS_AS(scenarios::group_switches(a, b, {"no_such_mechanism"}), std::invalid_argument);
  // A mechanism in two players, named twice in one merge, or a label used twice: refused before any run.
  CHECK_THROWS_WITH(scenarios::group_switches(a, b, {"platforms", "fee_learning"}),
                    Catch::Contains("'fee_learning' is already in 'platforms'"));
  CHECK_THROWS_AS(scenarios::group_switches(a, b, {"x=fee_learning+fee_learning"}), std::invalid_argument);
  CHECK_THROWS_WITH(scenarios::group_switches(a, b, {"x=fee_learning", "x=network_investment"}),
                    Catch::Contains("the label 'x' is used twice"));
}

TEST_CASE("mechanism_switches: 1+N sharing is a group only where a middle platform is declared",
          "[scenarios]") {
  // docs/ODD.md 7.40 (d): `one_plus_n`'s present_if is platforms[level=middle], so the flagship comparison
  // (platform_led.json declares no middle platform) gets no inert 1+N group, and one_plus_n.json does.
  const auto resolved = [](const char* file) {
    auto l = scenarios::load_scenario_file(std::string(VICSIM_SOURCE_DIR) + "/scenarios/" + file);
    REQUIRE(l.scenario);
    return scenarios::to_json(*l.scenario);
  };
  const auto traditional = resolved("traditional.json"), platform_led = resolved("platform_led.json"),
             one_plus_n = resolved("one_plus_n.json");
  const auto names = [](const std::vector<scenarios::GroupSwitch>& groups) {
    std::set<std::string> out;
    for (const auto& g : groups) out.insert(g.name);
    return out;
  };
  CHECK(scenarios::expand_path(platform_led, "platforms[level=middle]").empty());
  // A selector matches as in --set (scenarios::match_text): numbers too, written as JSON.
  CHECK(scenarios::expand_path(platform_led, "platforms[launch_tick=0]") ==
        std::vector<std::string>{"platforms[0]", "platforms[3]"});
  REQUIRE(scenarios::expand_path(one_plus_n, "platforms[level=middle]").size() == 1);
  CHECK(names(scenarios::group_switches(traditional, platform_led)).count("one_plus_n") == 0);
  CHECK(names(scenarios::group_switches(traditional, platform_led)).count("platforms") == 1);
  CHECK(names(scenarios::group_switches(traditional, one_plus_n)).count("one_plus_n") == 1);
}

TEST_CASE(
    "mechanism_switches: founded platforms' services and platform mechanisms are present where founding is "
    "on",
    "[scenarios]") {
  // docs/ODD.md 7.40: present_if "platforms[*] | mechanisms.founding.enabled=true", so attributing
  // platform_emergent.json (no declared platform) against traditional.json switches the services founded
  // platforms offer, not only founding itself.
  const auto resolved = [](const char* file) {
    auto l = scenarios::load_scenario_file(std::string(VICSIM_SOURCE_DIR) + "/scenarios/" + file);
    REQUIRE(l.scenario);
    return scenarios::to_json(*l.scenario);
  };
  const auto traditional = resolved("traditional.json"), emergent = resolved("platform_emergent.json"),
             platform_led = resolved("platform_led.json");
  const char* any = "platforms[*] | mechanisms.founding.enabled=true";
  CHECK_FALSE(scenarios::mechanism_present(traditional, any));
  CHECK(scenarios::mechanism_present(emergent, any));
  CHECK(scenarios::mechanism_present(platform_led, any));
  CHECK(scenarios::mechanism_present(traditional, nullptr));
  // Founding is off in traditional.json: the first alternative holds.
  CHECK(scenarios::mechanism_present(traditional, "mechanisms.founding.enabled=false | platforms[*]"));
  CHECK(scenarios::mechanism_present(platform_led, "platforms[level=industry]"));
  CHECK_FALSE(scenarios::mechanism_present(platform_led, "platforms[level=middle]"));
  std::map<std::string, const scenarios::GroupSwitch*> by_name;
  const auto groups = scenarios::group_switches(traditional, emergent);
  for (const auto& g : groups) by_name[g.name] = &g;
  for (const char* name : {"matchmaking", "dispatch", "forecasting", "knowledge_sharing", "finance",
                           "logistics", "shared_apps", "in_plant_services", "platform_hierarchy"}) {
    INFO(name);
    REQUIRE(by_name.count(name) == 1);
  }
  const auto& dispatch = *by_name.at("dispatch");
  REQUIRE(dispatch.assignments.size() == 1);  // no declared platform: only the founding switch
  CHECK(dispatch.assignments[0].path == "mechanisms.founding.services.dispatch");
  CHECK(dispatch.assignments[0].a_state == false);
  CHECK(dispatch.assignments[0].b_state == true);
  CHECK(by_name.count("cross_border") == 0);  // no founded level offers it
  const auto doc = scenarios::coalition_document(emergent, {dispatch}, 0u);
  CHECK(doc["mechanisms"]["founding"]["services"]["dispatch"] == false);
  CHECK(doc["mechanisms"]["founding"]["services"]["matchmaking"] == true);
}
