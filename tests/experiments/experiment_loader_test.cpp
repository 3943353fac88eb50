#include "experiments/experiment_loader.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "experiments/condition.hpp"
#include "experiments/kpi.hpp"

using namespace vicsim::experiments;
using nlohmann::json;

namespace {
const std::string kFile = std::string(VICSIM_SOURCE_DIR) + "/experiments/test.json";
const std::vector<std::string> kColumns = {"scenario", "seed", "tick", "firms", "output", "stage_name"};

json valid() {
  return json::parse(R"({
    "scenario": "../scenarios/traditional.json",
    "set": ["ticks=12"],
    "factors": [{"name": "markup", "path": "mechanisms.trade.transaction_cost_base", "range": [0.01, 0.1]},
                {"path": "mechanisms.trade.enabled", "levels": [true, false]}],
    "design": {"type": "latin_hypercube", "points": 4},
    "replications": 2,
    "outputs": [{"name": "out", "column": "output", "aggregate": "mean"},
                {"name": "firms12", "column": "firms", "tick": 12}],
    "discovery": {"condition": {"kpi": "out", "op": ">", "value": 1e8}}
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

TEST_CASE("experiment_loader: a valid experiment loads with defaults", "[experiments]") {
  auto r = load_experiment(valid(), kFile, kColumns);
  INFO(all(r.problems));
  REQUIRE(r.experiment);
  const auto& e = *r.experiment;
  CHECK(e.factors[1].name == "mechanisms.trade.enabled");  // the path when no name is given
  CHECK(e.factors[1].kind == FactorKind::Levels);
  CHECK(e.design.kind == DesignType::LatinHypercube);
  CHECK(e.outputs[1].kind == Aggregate::AtTick);
  CHECK(e.discovery.enabled);
  CHECK(*e.discovery.condition.value == 1e8);
  CHECK(e.scenario_file.find("scenarios/traditional.json") != std::string::npos);
}

TEST_CASE("experiment_loader: every problem is reported with its JSON path", "[experiments]") {
  json doc = valid();
  doc["replicatons"] = 3;
  doc["design"]["type"] = "latin_hypercub";
  doc["factors"][0]["levels"] = {1, 2};
  doc["factors"].push_back({{"path", "mechanisms.trade.transaction_cost_base"}, {"range", {0.0, 9.0}}});
  doc["outputs"][0]["column"] = "outptu";
  doc["outputs"][1]["aggregate"] = "mean";
  doc["discovery"]["condition"]["kpi"] = "nope";
  auto r = load_experiment(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK_FALSE(r.experiment);
  CHECK(mentions(r.problems, "replicatons", "did you mean 'replications'"));
  CHECK(mentions(r.problems, "design.type", "did you mean 'latin_hypercube'"));
  CHECK(mentions(r.problems, "factors[0]", "exactly one of range, levels or distribution"));
  CHECK(mentions(r.problems, "outputs[0].column", "did you mean 'output'"));
  CHECK(mentions(r.problems, "outputs[1]", "either tick or aggregate"));
  CHECK(mentions(r.problems, "discovery.condition.kpi", "unknown value 'nope'"));
  for (const auto& p : r.problems) CHECK(p.file == kFile);
}

TEST_CASE("experiment_loader: factor values are checked against the scenario's schema", "[experiments]") {
  json doc = valid();
  doc["factors"][0]["range"] = {0.01, 9.0};  // transaction_cost_base allows [0, 5]
  doc["factors"][1]["path"] = "mechanisms.trade.enabeld";
  auto r = load_experiment(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(mentions(r.problems, "factors[0]", "value 9 for 'mechanisms.trade.transaction_cost_base'"));
  CHECK(mentions(r.problems, "factors[0]", "[0, 5]"));
  // An unknown key is reported at the factor's path, not as a bad value.
  CHECK(mentions(r.problems, "factors[1].path",
                 "unknown scenario key 'mechanisms.trade.enabeld' (did you mean 'enabled'?)"));

  json missing = valid();
  missing["scenario"] = "no/such/file.json";
  auto m = load_experiment(missing, kFile, kColumns);
  CHECK(mentions(m.problems, "scenario", "cannot open"));
}

TEST_CASE("experiment_loader: design-specific requirements", "[experiments]") {
  json doc = valid();
  doc["design"] = {{"type", "full_factorial"}};
  auto r = load_experiment(doc, kFile, kColumns);
  CHECK(mentions(r.problems, "factors[0]", "needs levels, or a range with steps"));
  doc["factors"][0]["steps"] = 3;
  CHECK(load_experiment(doc, kFile, kColumns).experiment);
  doc["design"] = {{"type", "morris"}, {"levels", 5}};
  CHECK(mentions(load_experiment(doc, kFile, kColumns).problems, "design.levels", "even"));
  doc["design"] = {{"type", "latin_hypercube"}};
  CHECK(mentions(load_experiment(doc, kFile, kColumns).problems, "design.points", "is required"));
  doc = valid();
  doc["outputs"][0]["name"] = "seed";
  CHECK(mentions(load_experiment(doc, kFile, kColumns).problems, "outputs[0].name", "column of its own"));
}

TEST_CASE("kpi: columns are found by name, whatever their order", "[experiments]") {
  using vicsim::reports::CsvTable;
  const auto ta = CsvTable::parse("tick,output,firms\n1,10,5\n2,20,6\n3,30,7\n", "a.csv");
  const auto tb =
      CsvTable::parse("firms,scenario,output,tick\n5,\"x,y\",10,1\n6,z,20,2\n7,z,30,3\n", "b.csv");
  OutputSpec o;
  o.column = "output";
  for (const auto* t : {&ta, &tb}) {
    o.kind = Aggregate::Final;
    CHECK(compute_kpi(o, *t, {}) == 30);
    o.kind = Aggregate::Mean;
    o.from_tick = 2;
    CHECK(compute_kpi(o, *t, {}) == 25);
    o.from_tick = 0;
    o.kind = Aggregate::Max;
    CHECK(compute_kpi(o, *t, {}) == 30);
    o.kind = Aggregate::AtTick;
    o.tick = 2;
    CHECK(compute_kpi(o, *t, {}) == 20);
  }
  o.column = "nope";
  o.kind = Aggregate::Final;
  CHECK_THROWS_WITH(compute_kpi(o, ta, {}), Catch::Contains("no column 'nope'"));
  // A missing value is NaN, but text that is not a number fails the run instead of passing as missing.
  o.column = "output";
  CHECK(std::isnan(compute_kpi(o, CsvTable::parse("tick,output\n1,NA\n", "na.csv"), {})));
  CHECK_THROWS_WITH(compute_kpi(o, CsvTable::parse("tick,output\n1,12abc\n", "junk.csv"), {}),
                    Catch::Contains("expected a number, got '12abc'"));
  // A stage never reached is written as null: NaN. A key the run did not write names nothing: an error.
  OutputSpec s;
  s.summary = "stage_first_reached_tick.ecosystem";
  CHECK(std::isnan(compute_kpi(s, ta, json::parse(R"({"stage_first_reached_tick": {"ecosystem": null}})"))));
  CHECK(compute_kpi(s, ta, json::parse(R"({"stage_first_reached_tick": {"ecosystem": 17}})")) == 17);
  CHECK_THROWS_WITH(compute_kpi(s, ta, json::parse(R"({"stage_first_reached_tick": {}})")),
                    Catch::Contains("summary.json has no 'stage_first_reached_tick.ecosystem'"));
}

TEST_CASE("experiment_loader: a summary KPI must name a number summary.json holds", "[experiments]") {
  auto doc = valid();
  doc.erase("discovery");
  doc["outputs"] = json::parse(R"([
    {"name": "ok1", "summary": "final.firms"},
    {"name": "ok2", "summary": "stage_first_reached_tick.ecosystem"},
    {"name": "ok3", "summary": "firm_size_tail_exponent"},
    {"name": "ok4", "summary": "platform_path_stage_first_reached_tick.globalization"},
    {"name": "typo", "summary": "final.firm"},
    {"name": "top", "summary": "firm_size_tail"},
    {"name": "stage", "summary": "stage_first_reached_tick.ecosystems"},
    {"name": "bare", "summary": "final"},
    {"name": "text", "summary": "git_hash"},
    {"name": "deep", "summary": "seed.x"},
    {"name": "list", "summary": "policies.0.spent"}])");
  auto r = load_experiment(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(r.problems.size() == 7);
  CHECK(
      mentions(r.problems, "outputs[4].summary", "no timeseries.csv column 'firm' (did you mean 'firms'?)"));
  CHECK(mentions(r.problems, "outputs[5].summary",
                 "unknown summary.json key 'firm_size_tail'; expected one of"));
  CHECK(mentions(r.problems, "outputs[6].summary", "no stage 'ecosystems' (did you mean 'ecosystem'?)"));
  CHECK(mentions(r.problems, "outputs[7].summary", "'final' is an object"));
  CHECK(mentions(r.problems, "outputs[8].summary", "is text, not a number"));
  CHECK(mentions(r.problems, "outputs[9].summary", "'seed' is a number"));
  CHECK(mentions(r.problems, "outputs[10].summary", "'policies' is a list"));
}

TEST_CASE("condition: parsing and evaluation", "[experiments]") {
  std::string why;
  auto c = parse_condition("output_final > 1.5e8", why);
  REQUIRE(c);
  CHECK(*c->value == 1.5e8);
  CHECK(*evaluate(*c, {"output_final"}, {2e8}));
  auto d = parse_condition("a >= 1.05 * b", why);
  REQUIRE(d);
  CHECK(d->other_kpi == "b");
  CHECK(d->scale == 1.05);
  CHECK_FALSE(*evaluate(*d, {"a", "b"}, {100, 100}));
  CHECK_FALSE(evaluate(*d, {"a", "b"}, {std::nan(""), 1}).has_value());
  CHECK_FALSE(parse_condition("a >> 3", why));
  CHECK_FALSE(parse_condition("output_final > inf", why));
  CHECK(why.find("not a finite number") != std::string::npos);
  CHECK_FALSE(parse_condition("output_final > 1e999", why));
  CHECK(why.find("neither a finite number nor a KPI name") != std::string::npos);
  CHECK_FALSE(parse_condition("a > inf * b", why));
  CHECK(why.find("expected") != std::string::npos);
}

TEST_CASE("experiment_loader: the fingerprint text covers the bases of a scenario that extends others",
          "[experiments]") {
  namespace fs = std::filesystem;
  const auto d = fs::temp_directory_path() / "vicsim_experiment_extends";
  fs::remove_all(d);
  fs::create_directories(d);
  const auto write = [&](const char* name, const std::string& text) { std::ofstream(d / name) << text; };
  write("child.json", R"({"extends": "base.json", "name": "child"})");
  write("base.json", R"({"regions": [{"name": "r", "labour_cost": 5000}], "industries": [{"name": "a"}]})");
  json e = valid();
  e["scenario"] = "child.json";
  e.erase("discovery");
  const auto first = load_experiment(e, (d / "exp.json").string(), kColumns);
  INFO(all(first.problems));
  REQUIRE(first.problems.empty());
  // The child's own bytes do not change, its base does: a resumed sweep must see the difference.
  write("base.json", R"({"regions": [{"name": "r", "labour_cost": 5100}], "industries": [{"name": "a"}]})");
  const auto second = load_experiment(e, (d / "exp.json").string(), kColumns);
  REQUIRE(second.problems.empty());
  CHECK(first.scenario_text != second.scenario_text);
}

TEST_CASE("experiment_loader: one key per factor, and output windows within the runs", "[experiments]") {
  auto doc = valid();  // ticks=12
  doc["factors"].push_back(
      {{"name", "again"}, {"path", "mechanisms.trade.transaction_cost_base"}, {"range", {0.02, 0.03}}});
  auto r = load_experiment(doc, kFile, kColumns);
  CHECK(mentions(r.problems, "factors[2].path", "is already factors[0]'s path"));

  doc = valid();
  doc["outputs"][1]["tick"] = 13;
  doc["outputs"][0]["from_tick"] = 20;
  r = load_experiment(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(mentions(r.problems, "outputs[1].tick", "within the runs' 1..12 months"));
  CHECK(mentions(r.problems, "outputs[0].from_tick", "within the runs' 1..12 months"));
  // A factor on the run length leaves the windows to the runs.
  doc["factors"].push_back({{"name", "months"}, {"path", "ticks"}, {"levels", {12, 24}}});
  r = load_experiment(doc, kFile, kColumns);
  CHECK_FALSE(mentions(r.problems, "outputs[1].tick", "within the runs"));
}

TEST_CASE("experiment_loader: a design key of another design type, one step, a negative spread",
          "[experiments]") {
  auto doc = valid();  // latin_hypercube
  doc["design"]["trajectories"] = 6;
  doc["factors"][0]["distribution"] = {{"type", "lognormal"}, {"meanlog", 0}, {"sdlog", -1}};
  doc["factors"][0].erase("range");
  doc["factors"].push_back(
      {{"name", "one"}, {"path", "mechanisms.trade.spot_premium"}, {"range", {0.1, 0.2}}, {"steps", 1}});
  auto r = load_experiment(doc, kFile, kColumns);
  INFO(all(r.problems));
  CHECK(mentions(r.problems, "design.trajectories", "belongs to a morris design, not latin_hypercube"));
  CHECK(mentions(r.problems, "factors[0].distribution.sdlog", "expected a standard deviation > 0"));
  CHECK(mentions(r.problems, "factors[2].steps", "expected an integer in [2, 100000]"));
}
