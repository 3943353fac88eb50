// Classroom sliders: the key table, keys the schema lacks, "[*]" expansion, the presets list, and a moved
// slider changing only its own key in a running model.
#include "viz/classroom.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scenarios/scenario_loader.hpp"
#include "viz/live_source.hpp"

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

TEST_CASE("classroom: a [*] slider is one selector override that the --set resolver expands", "[viz]") {
  const json doc = {{"regions", json::array({{{"infrastructure", 0.3}}, {{"infrastructure", 0.7}}})}};
  const auto sliders = available_sliders(doc);
  REQUIRE(sliders.size() == 1);
  const auto sets = slider_overrides(sliders[0], 0.9, doc);
  REQUIRE(sets.size() == 1);
  CHECK(sets[0] == "regions[*].infrastructure=0.90000000000000002");
  CHECK(slider_overrides(sliders[0], 0.9, json::object()).empty());
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
  CHECK(sets[0] == "policies[instrument=cloud_voucher].subsidy_share=0.25");
  const json none = {{"policies", json::array({{{"instrument", "infrastructure"}, {"subsidy_share", 0.5}}})}};
  CHECK(available_sliders(none).empty());
}

namespace {

/** The slider with this path among those the scenario offers. */
ActiveSlider slider_for(const vicsim::scenarios::Scenario& s, const std::string& path) {
  for (const auto& a : available_sliders(vicsim::scenarios::to_json(s)))
    if (a.path == path) return a;
  FAIL("no slider " << path);
  return {};
}

/** The live mechanism parameters as JSON, without one key, to compare everything else. */
json params_without(const vicsim::agents::ModelParams& p, const std::string& group, const std::string& key) {
  vicsim::scenarios::Scenario s;
  s.mechanisms = p;
  json j = vicsim::scenarios::to_json(s)["mechanisms"];
  j[group].erase(key);
  return j;
}

}  // namespace

TEST_CASE("classroom: a slider moved after 48 months changes only its own key; evolved state is kept",
          "[viz]") {
  auto r = vicsim::scenarios::load_scenario_file(
      std::string(VICSIM_SOURCE_DIR) + "/scenarios/infrastructure_5g.json",
      {"mechanisms.population.count=300", "ticks=60"});
  for (const auto& p : r.problems) FAIL(p.format());
  REQUIRE(r.scenario);
  const auto base = *r.scenario;
  LiveSource live(base, "infrastructure_5g.json");
  REQUIRE(live.seek(48));
  const auto& w = live.model().world();

  // The state the sliders must not reset has evolved away from the scenario's values by month 48.
  std::vector<double> fees, infra;
  std::vector<double> entry_fees;
  bool fee_learned = false, infra_built = false;
  for (std::size_t p = 0; p < w.platforms.size(); ++p) {
    fees.push_back(w.platforms[p].transaction_fee);
    entry_fees.push_back(w.platforms[p].entry_fee.yuan);
    fee_learned |= w.platforms[p].transaction_fee != base.platforms[p].transaction_fee;
  }
  for (std::size_t g = 0; g < w.regions.size(); ++g) {
    infra.push_back(w.regions[g].infrastructure);
    infra_built |= w.regions[g].infrastructure > base.regions[g].infrastructure + 0.1;
  }
  REQUIRE(fee_learned);
  REQUIRE(infra_built);
  const json others = params_without(live.model().params(), "knowledge", "imitation_rate");

  // Move the spillover slider: only imitation_rate changes.
  std::string error;
  auto next = scenario_with_slider(live.scenario(),
                                   slider_for(live.scenario(), "mechanisms.knowledge.imitation_rate"), 0.15,
                                   "infrastructure_5g.json", error);
  INFO(error);
  REQUIRE(next);
  live.retune(*next);
  CHECK(live.model().params().knowledge.imitation_rate == Approx(0.15));
  CHECK(params_without(live.model().params(), "knowledge", "imitation_rate") == others);
  for (std::size_t p = 0; p < w.platforms.size(); ++p) {
    CHECK(w.platforms[p].transaction_fee == fees[p]);
    CHECK(w.platforms[p].entry_fee.yuan == entry_fees[p]);
  }
  for (std::size_t g = 0; g < w.regions.size(); ++g) CHECK(w.regions[g].infrastructure == infra[g]);

  // Then the fee slider: fees change, the rolled-out infrastructure and the new spillover rate stay.
  next = scenario_with_slider(live.scenario(), slider_for(live.scenario(), "platforms[*].transaction_fee"),
                              0.05, "infrastructure_5g.json", error);
  REQUIRE(next);
  live.retune(*next);
  for (std::size_t p = 0; p < w.platforms.size(); ++p) CHECK(w.platforms[p].transaction_fee == Approx(0.05));
  for (std::size_t g = 0; g < w.regions.size(); ++g) CHECK(w.regions[g].infrastructure == infra[g]);
  CHECK(live.model().params().knowledge.imitation_rate == Approx(0.15));
  CHECK(live.seek(49));  // and the run goes on from the next month
}
