#include "experiments/calibration_loader.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::experiments;
using nlohmann::json;

namespace {
const std::string kFile = std::string(VICSIM_SOURCE_DIR) + "/experiments/test_calibration.json";
const std::vector<std::string> kColumns = {
    "scenario", "seed", "tick", "firms", "employees", "output", "capacity_utilisation"};

json valid() {
  return json::parse(R"({
    "scenario": "../scenarios/traditional.json",
    "set": ["ticks=12", "mechanisms.population.count=200"],
    "parameters": [{"path": "mechanisms.trade.transaction_cost_base", "bounds": [0.01, 0.1], "start": 0.05}],
    "targets": [{"column": "capacity_utilisation", "aggregate": "mean", "from_tick": 6, "to_tick": 12,
                 "value": 0.8, "tolerance": 0.05},
                {"name": "tail", "summary": "firm_size_tail_exponent", "value": 1.2, "weight": 2}],
    "replications": 3,
    "optimiser": {"algorithm": "LN_SBPLX", "max_evaluations": 10}
  })");
}

bool mentions(const vicsim::scenarios::Diagnostics& d, const std::string& path, const std::string& words) {
  for (const auto& p : d)
    if (p.path == path && p.message.find(words) != std::string::npos) return true;
  return false;
}
std::string all(const vicsim::scenarios::Diagnostics& d) {
  std::string s;
  for (const auto& p : d) s += p.format() + "\n";
  return s;
}
}  // namespace

TEST_CASE("calibration_loader: a valid calibration loads with defaults", "[experiments]") {
  const auto r = load_calibration(valid(), kFile, kColumns);
  INFO(all(r.problems));
  REQUIRE(r.calibration);
  const auto& c = *r.calibration;
  CHECK(c.parameters[0].name == "mechanisms.trade.transaction_cost_base");
  CHECK(c.parameters[0].start == 0.05);
  CHECK(c.targets[0].name == "capacity_utilisation");
  CHECK(c.targets[0].kpi.kind == Aggregate::Mean);
  CHECK(c.targets[0].kpi.to_tick == 12);
  CHECK(c.targets[1].scale() == 1.2);  // no tolerance: relative to the value
  CHECK(c.targets[1].weight == 2);
  CHECK(c.optimiser.algorithm == "LN_SBPLX");
  CHECK(c.uncertainty.seed_blocks == 1);
  CHECK(c.scenario_file.find("scenarios/traditional.json") != std::string::npos);
}

TEST_CASE("calibration_loader: the start defaults to the midpoint of the bounds", "[experiments]") {
  auto doc = valid();
  doc["parameters"][0].erase("start");
  const auto r = load_calibration(doc, kFile, kColumns);
  REQUIRE(r.calibration);
  CHECK(r.calibration->parameters[0].start == Approx(0.055));
}

TEST_CASE("calibration_loader: every problem is reported with its JSON path", "[experiments]") {
  auto doc = valid();
  doc["parameters"][0]["bounds"] = {0.1, 0.01};
  doc["targets"][0]["column"] = "capacity_utilisaton";
  doc["targets"][1]["value"] = 0;
  doc["optimiser"]["algorithm"] = "LN_BOBYQ";
  doc["replications"] = 0;
  doc["uncertainty"] = {{"seed_blocks", 3}, {"max_evals", 4}};
  const auto r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK_FALSE(r.calibration);
  CHECK(mentions(r.problems, "parameters[0].bounds", "lower < upper"));
  CHECK(mentions(r.problems, "targets[0].column", "did you mean 'capacity_utilisation'"));
  CHECK(mentions(r.problems, "targets[1].tolerance", "tolerance > 0"));
  CHECK(mentions(r.problems, "optimiser.algorithm", "did you mean 'LN_BOBYQA'"));
  CHECK(mentions(r.problems, "replications", ""));
  CHECK(mentions(r.problems, "uncertainty.max_evals", ""));
  for (const auto& p : r.problems) CHECK(p.file == kFile);
  // Every weight 0 makes the objective 0 everywhere.
  auto weightless = valid();
  for (auto& t : weightless["targets"]) t["weight"] = 0;
  CHECK(mentions(load_calibration(weightless, kFile, kColumns).problems, "targets",
                 "every target has weight 0"));
  // A window after the runs' last month (ticks=12) could never be measured.
  auto late = valid();
  late["targets"][0]["from_tick"] = 13;
  late["targets"][0]["to_tick"] = 20;
  CHECK(mentions(load_calibration(late, kFile, kColumns).problems, "targets[0].from_tick", "1..12 months"));
  // An explicit tolerance of 0 is refused, not quietly replaced by |value|.
  auto zero = valid();
  zero["targets"][0]["tolerance"] = 0;
  const auto z = load_calibration(zero, kFile, kColumns);
  CHECK_FALSE(z.calibration);
  CHECK(mentions(z.problems, "targets[0].tolerance", "expected a tolerance > 0"));
}

TEST_CASE("calibration_loader: targets need one KPI and a window that closes", "[experiments]") {
  auto doc = valid();
  doc["targets"][0]["summary"] = "final.output";
  doc["targets"][1] = {
      {"column", "output"}, {"aggregate", "mean"}, {"from_tick", 8}, {"to_tick", 4}, {"value", 1}};
  const auto r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(mentions(r.problems, "targets[0]", "exactly one of column or summary"));
  CHECK(mentions(r.problems, "targets[1].to_tick", "to_tick >= from_tick"));
}

TEST_CASE("calibration_loader: start outside the bounds and duplicate names are refused", "[experiments]") {
  auto doc = valid();
  doc["parameters"][0]["start"] = 0.5;
  doc["targets"][1]["name"] = "capacity_utilisation";
  const auto r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(mentions(r.problems, "parameters[0].start", "within the bounds"));
  CHECK(mentions(r.problems, "targets[1].name", "duplicate"));
}

TEST_CASE("calibration_loader: bounds are checked against the scenario schema's ranges", "[experiments]") {
  auto doc = valid();
  doc["parameters"][0]["bounds"] = {0.01, 7.0};  // the schema allows [0, 5]
  doc["parameters"][0]["start"] = 0.05;
  auto r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(mentions(r.problems, "parameters[0].bounds[1]", "not valid in the scenario"));
  // An integer key refuses the non-round interior point: it cannot be calibrated continuously.
  doc = valid();
  doc["parameters"][0] = {{"path", "mechanisms.population.count"}, {"bounds", {100, 300}}, {"start", 200}};
  r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(mentions(r.problems, "parameters[0].bounds", "not valid in the scenario"));
  // An unknown key.
  doc = valid();
  doc["parameters"][0]["path"] = "mechanisms.trade.transaction_cost_bse";
  r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK_FALSE(r.calibration);
  CHECK(mentions(r.problems, "parameters[0].path",
                 "unknown scenario key 'mechanisms.trade.transaction_cost_bse' (did you mean "
                 "'transaction_cost_base'?)"));
}

TEST_CASE("calibration_loader: the Hessian's keys have defaults and ranges", "[experiments]") {
  auto r = load_calibration(valid(), kFile, kColumns);
  REQUIRE(r.calibration);
  CHECK(r.calibration->identifiability.hessian);
  CHECK(r.calibration->identifiability.hessian_step == 0.05);
  CHECK(r.calibration->identifiability.flat_ratio == 0.01);
  auto doc = valid();
  doc["identifiability"] = {{"hessian", false}, {"hessian_step", 0.1}, {"flat_ratio", 0.05}};
  r = load_calibration(doc, kFile, kColumns);
  REQUIRE(r.calibration);
  CHECK_FALSE(r.calibration->identifiability.hessian);
  CHECK(r.calibration->identifiability.hessian_step == 0.1);
  doc["identifiability"] = {{"hessian_step", 0.6}, {"flat_ratio", 2}, {"hesian", true}};
  r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK_FALSE(r.calibration);
  CHECK(mentions(r.problems, "identifiability.hessian_step", ""));
  CHECK(mentions(r.problems, "identifiability.flat_ratio", ""));
  CHECK(mentions(r.problems, "identifiability.hesian", "did you mean 'hessian'"));
}

TEST_CASE("calibration_loader: case-figure and per targets are read and checked", "[experiments]") {
  auto doc = valid();
  doc["scenario"] = "../scenarios/platform_led.json";
  doc["targets"].push_back({{"case_figure", "total_cost"}, {"value", -0.08}, {"tolerance", 0.065}});
  doc["targets"].push_back({{"name", "mean_size"},
                            {"summary", "first_tick.employees"},
                            {"per", "first_tick.firms"},
                            {"value", 63.1}});
  auto r = load_calibration(doc, kFile, kColumns);
  INFO(all(r.problems));
  REQUIRE(r.calibration);
  CHECK(r.calibration->targets[2].name == "total_cost");
  CHECK(r.calibration->targets[3].per_kpi.summary == "first_tick.firms");

  auto typo = doc;
  typo["targets"][2]["case_figure"] = "total_cots";
  r = load_calibration(typo, kFile, kColumns);
  CHECK(mentions(r.problems, "targets[2].case_figure", "did you mean 'total_cost'"));

  auto both = doc;
  both["targets"][2]["column"] = "output";
  r = load_calibration(both, kFile, kColumns);
  CHECK(mentions(r.problems, "targets[2]", "either case_figure or column"));

  auto no_platform = doc;  // the matched design needs COSMO-Appliances
  no_platform["scenario"] = "../scenarios/traditional.json";
  r = load_calibration(no_platform, kFile, kColumns);
  CHECK(mentions(r.problems, "targets[2].case_figure", "COSMO-Appliances"));
}
