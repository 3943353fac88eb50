// The base scenario of an experiment or calibration, and the text its resume fingerprint covers
// (experiments/base_scenario.cpp: load_base_scenario; docs/experiments.md §2).
#include "experiments/base_scenario.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scenarios/scenario_loader.hpp"
#include "test_support.hpp"

using namespace vicsim;
namespace fs = std::filesystem;

TEST_CASE("base_scenario: the fingerprint text covers a firm register the scenario reads", "[experiments]") {
  // A scenario that reads firms_csv without extending another: editing the register must change the text,
  // or a resumed sweep or calibration would mix runs of two registers.
  auto loaded = scenarios::load_scenario_file(std::string(VICSIM_SOURCE_DIR) + "/scenarios/traditional.json");
  REQUIRE(loaded.scenario);
  nlohmann::json doc = scenarios::to_json(*loaded.scenario);
  doc.erase("firms");
  doc["firms_csv"] = "register.csv";
  doc["mechanisms"]["population"].erase("count");  // the register sets the firms
  const fs::path dir = fs::temp_directory_path() / "vicsim_base_scenario_test";
  fs::create_directories(dir);
  std::ofstream(dir / "base.json") << doc.dump(1);
  const std::string region = doc["regions"][0]["name"], industry = doc["industries"][0]["name"];
  const auto fingerprint_text = [&](int employees) {
    std::ofstream(dir / "register.csv") << "region,industry,stage,employees\n"
                                        << region << "," << industry << ",0," << employees << "\n"
                                        << region << "," << industry << ",0,40\n";
    std::string text;
    scenarios::Diagnostics diag;
    const auto base =
        experiments::load_base_scenario((dir / "experiment.json").string(), "base.json", {}, text, diag);
    INFO(test::format_all(diag));
    CHECK(diag.empty());
    CHECK(base.doc);
    return text;
  };
  const std::string before = fingerprint_text(300), again = fingerprint_text(300),
                    after = fingerprint_text(900);
  CHECK(again == before);
  CHECK(after != before);
  fs::remove_all(dir);
}
