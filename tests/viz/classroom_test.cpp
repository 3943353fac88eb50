// Classroom sliders: the key table, keys the schema lacks, "[*]" expansion, and the presets list.
#include "viz/classroom.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scenarios/scenario_loader.hpp"

using namespace vicsim::viz;
using nlohmann::json;

TEST_CASE("classroom: sliders whose keys the scenario lacks are left out", "[viz]") {
  const json doc = {{"regions", json::array({{{"name", "a"}, {"infrastructure", 0.3}},
                                             {{"name", "b"}, {"infrastructure", 0.7}}})},
                    {"mechanisms", {{"knowledge", {{"imitation_rate", 0.05}}}}}};
  const auto sliders = available_sliders(doc);
  REQUIRE(sliders.size() == 2);
  CHECK(sliders[0].path == "regions[*].infrastructure");
  CHECK(sliders[0].initial == Approx(0.3));
  CHECK(sliders[1].path == "mechanisms.knowledge.imitation_rate");
  CHECK(json_path_has_number(doc, "regions[1].infrastructure"));
  CHECK_FALSE(json_path_has_number(doc, "regions[2].infrastructure"));
  CHECK_FALSE(json_path_has_number(doc, "platforms[*].transaction_fee"));
  CHECK_FALSE(json_path_has_number(doc, "regions[*].name"));  // not a number
}

TEST_CASE("classroom: a [*] slider becomes one override per array element", "[viz]") {
  const json doc = {{"regions", json::array({{{"infrastructure", 0.3}}, {{"infrastructure", 0.7}}})}};
  const auto sliders = available_sliders(doc);
  REQUIRE(sliders.size() == 1);
  const auto sets = slider_overrides(sliders[0], 0.9, doc);
  REQUIRE(sets.size() == 2);
  CHECK(sets[0] == "regions[0].infrastructure=0.90000000000000002");
  CHECK(sets[1] == "regions[1].infrastructure=0.90000000000000002");
}

TEST_CASE("classroom: the bundled scenario offers the infrastructure and spillover sliders, and they load",
          "[viz]") {
  auto r =
      vicsim::scenarios::load_scenario_file(std::string(VICSIM_SOURCE_DIR) + "/scenarios/traditional.json");
  REQUIRE(r.scenario);
  const json doc = vicsim::scenarios::to_json(*r.scenario);
  const auto sliders = available_sliders(doc);
  std::vector<std::string> sets;
  bool infra = false, spill = false;
  for (const auto& s : sliders) {
    infra |= s.path == "regions[*].infrastructure";
    spill |= s.path == "mechanisms.knowledge.imitation_rate";
    for (auto& o : slider_overrides(s, s.spec.max, doc)) sets.push_back(o);
  }
  CHECK(infra);
  CHECK(spill);
  auto changed = vicsim::scenarios::load_scenario(doc, "traditional.json", sets);
  for (const auto& p : changed.problems) FAIL(p.format());
  REQUIRE(changed.scenario);
  CHECK(changed.scenario->regions[0].infrastructure == Approx(1.0));
  CHECK(changed.scenario->mechanisms.knowledge.imitation_rate == Approx(0.2));
}

TEST_CASE("classroom: presets list classroom*.json first, then the other scenarios", "[viz]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "vicsim_presets_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* f : {"zeta.json", "classroom_b.json", "alpha.json", "classroom_a.json", "notes.txt"})
    std::ofstream(dir / f) << "{}";
  const auto p = list_presets(dir);
  REQUIRE(p.size() == 4);
  CHECK(p[0].filename() == "classroom_a.json");
  CHECK(p[1].filename() == "classroom_b.json");
  CHECK(p[2].filename() == "alpha.json");
  CHECK(p[3].filename() == "zeta.json");
  fs::remove_all(dir);
  CHECK(list_presets(dir).empty());
}

TEST_CASE("classroom: the voucher slider picks only cloud-voucher policies", "[viz]") {
  const json doc = {{"policies", json::array({{{"instrument", "infrastructure"}, {"subsidy_share", 0.5}},
                                              {{"instrument", "cloud_voucher"}, {"subsidy_share", 0.6}}})}};
  const auto sliders = available_sliders(doc);
  REQUIRE(sliders.size() == 1);
  CHECK(sliders[0].initial == Approx(0.6));
  const auto sets = slider_overrides(sliders[0], 0.25, doc);
  REQUIRE(sets.size() == 1);
  CHECK(sets[0] == "policies[1].subsidy_share=0.25");
  const json none = {{"policies", json::array({{{"instrument", "infrastructure"}, {"subsidy_share", 0.5}}})}};
  CHECK(available_sliders(none).empty());
}
