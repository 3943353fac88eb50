#include "experiments/experiment_loader.hpp"

#include <algorithm>
#include <set>

#include "experiments/base_scenario.hpp"
#include "experiments/factor_values.hpp"
#include "reports/summary_keys.hpp"
#include "scenarios/json_file.hpp"
#include "scenarios/json_reader.hpp"
#include "scenarios/name_rules.hpp"
#include "scenarios/scenario_loader.hpp"
#include "sim/evolution_stage.hpp"
#include "sim/platform_stage.hpp"

namespace vicsim::experiments {

// The experiment format, declared for scenarios::JsonReader (unknown keys get a did-you-mean).
template <class V>
void describe(V& v, DistributionSpec& d) {
  v.required("type", d.type, "", "uniform, normal, lognormal or triangular");
  v.field("min", d.min, "", "uniform, triangular: lower bound");
  v.field("max", d.max, "", "uniform, triangular: upper bound");
  v.field("mode", d.mode, "", "triangular: mode");
  v.field("mean", d.mean, "", "normal: mean");
  v.field("sd", d.sd, "", "normal: standard deviation (> 0)");
  v.field("meanlog", d.meanlog, "", "lognormal: mean of the log");
  v.field("sdlog", d.sdlog, "", "lognormal: standard deviation of the log (> 0)");
}

template <class V>
void describe(V& v, FactorSpec& f) {
  v.field("name", f.name, "", "Column name in results.csv (default: the path)");
  v.required("path", f.path, "", "Scenario key, dotted as in --set");
  v.field("range", f.range, "", "[min, max]");
  v.field("steps", f.steps, "", "Evenly spaced levels of a range for full_factorial, ends included", 2,
          100000);
  v.field("levels", f.levels, "", "Values to choose from");
  v.object("distribution", f.distribution, "Distribution sampled through its quantile function");
  v.field("integer", f.integer, "", "Round to the nearest integer");
}

template <class V>
void describe(V& v, DesignSpec& d) {
  v.required("type", d.type, "", "full_factorial, latin_hypercube, morris or sobol");
  v.field("points", d.points, "", "latin_hypercube: points", 1, 1e7);
  v.field("trajectories", d.trajectories, "", "morris: trajectories", 2, 1e6);
  v.field("levels", d.levels, "", "morris: grid levels (even)", 2, 1000);
  v.field("base_samples", d.base_samples, "", "sobol: base samples N", 2, 1e7);
  v.field("skip", d.skip, "", "sobol: Sobol points skipped", 0, 1e9);
  v.field("bootstrap", d.bootstrap, "", "bootstrap resamples", 0, 1e6);
  v.field("confidence", d.confidence, "", "confidence level", 0.5, 0.9999);
}

template <class V>
void describe(V& v, OutputSpec& o) {
  v.required("name", o.name, "", "Column name in results.csv");
  v.field("column", o.column, "", "timeseries.csv column");
  v.field("aggregate", o.aggregate, "", "final, first, mean, min, max or sum");
  v.field("tick", o.tick, "", "Value at this tick", 0, 1e9);
  v.field("from_tick", o.from_tick, "", "Aggregate over ticks >= this", 0, 1e9);
  v.field("to_tick", o.to_tick, "", "Aggregate over ticks <= this (default: the last)", 0, 1e9);
  v.field("summary", o.summary, "", "Dotted key in summary.json");
}

template <class V>
void describe(V& v, ConditionSpec& c) {
  v.required("kpi", c.kpi, "", "KPI name");
  v.required("op", c.op, "", "Comparison operator");
  v.field("value", c.raw_value, "", "Number to compare with");
  v.field("other_kpi", c.other_kpi, "", "KPI to compare with");
  v.field("scale", c.scale, "", "Multiplier of other_kpi");
}

template <class V>
void describe(V& v, DiscoverySpec& d) {
  v.object("condition", d.condition, "Condition on the KPIs");
  v.field("peel_alpha", d.peel_alpha, "share", "Share peeled per step", 0.001, 0.5);
  v.field("paste_alpha", d.paste_alpha, "share", "Share pasted per step (0: no pasting)", 0, 0.5);
  v.field("min_mass", d.min_mass, "share", "Smallest box mass", 0.0001, 1);
  v.field("threshold", d.threshold, "share", "Density the chosen box must reach", 0, 1);
  v.field("max_boxes", d.max_boxes, "", "Boxes found by covering", 1, 100);
}

template <class V>
void describe(V& v, Experiment& e) {
  v.field("name", e.name, "", "Experiment name");
  v.field("description", e.description, "", "Free text");
  v.required("scenario", e.scenario, "", "Base scenario, relative to this file");
  v.field("set", e.set, "", "Fixed overrides path=value for every run");
  v.array("factors", e.factors, "Factors", 0);
  v.object("design", e.design, "Design");
  v.field("replications", e.replications, "", "Runs per design point", 1, 1e6);
  v.field("seed", e.seed, "", "Master seed", 0, 9007199254740991.0);
  v.field("common_random_numbers", e.common_random_numbers, "", "Same seeds at every point");
  v.array("outputs", e.outputs, "KPIs", 1);
  v.object("discovery", e.discovery, "Scenario discovery");
}

}  // namespace vicsim::experiments

namespace vicsim::experiments {

namespace {

using scenarios::Diagnostics;

const std::vector<std::string> kDesigns = {"full_factorial", "latin_hypercube", "morris", "sobol"};
const std::vector<std::string> kAggregates = {"final", "first", "mean", "min", "max", "sum"};
const std::vector<std::string> kDistributions = {"uniform", "normal", "lognormal", "triangular"};
const std::vector<std::string> kOps = {">", ">=", "<", "<=", "==", "!="};
const std::vector<std::string> kReserved = {"run_id", "point", "replication", "seed", "status", "error"};

std::string one_of(const std::vector<std::string>& xs) {
  std::string s;
  for (const auto& x : xs) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string unknown_word(const std::string& word, const std::vector<std::string>& allowed) {
  std::string msg = "unknown value '" + word + "'";
  if (auto m = scenarios::closest_match(word, allowed); !m.empty()) msg += " (did you mean '" + m + "'?)";
  return msg + "; expected one of: " + one_of(allowed);
}

/** Names of stages 1–3 of a stage ladder: the keys of its `*_first_reached_tick` object in summary.json. */
template <class Stage>
std::vector<std::string> reached_stage_names() {
  std::vector<std::string> names;
  for (int k = 1; k <= 3; ++k) names.emplace_back(sim::stage_name(static_cast<Stage>(k)));
  return names;
}

/** Empty when `key` can name a number in summary.json (docs/outputs.md), else what is wrong with it. Only
 * what every run writes is checked; deeper keys of a pilot run's effects are checked when read. */
std::string summary_key_problem(const std::string& key, const std::vector<std::string>& columns) {
  namespace sk = reports::summary_keys;
  const auto dot = key.find('.');
  const std::string head = key.substr(0, dot);
  const std::string rest = dot == std::string::npos ? "" : key.substr(dot + 1);
  std::vector<std::string> top(sk::kTopLevel.begin(), sk::kTopLevel.end());
  if (std::find(top.begin(), top.end(), head) == top.end())
    return "unknown summary.json key '" + head + "'" +
           [&] {
             auto m = scenarios::closest_match(head, top);
             return m.empty() ? std::string() : " (did you mean '" + m + "'?)";
           }() +
           "; expected one of: " + one_of(top);
  auto member = [&](const std::vector<std::string>& allowed, const std::string& what) -> std::string {
    if (rest.empty()) return "'" + head + "' is an object: expected '" + head + ".<" + what + ">'";
    if (allowed.empty() || std::find(allowed.begin(), allowed.end(), rest) != allowed.end()) return "";
    std::string msg = "'" + head + "' has no " + what + " '" + rest + "'";
    if (auto m = scenarios::closest_match(rest, allowed); !m.empty()) msg += " (did you mean '" + m + "'?)";
    return msg + "; expected one of: " + one_of(allowed);
  };
  if (head == sk::kFirstTick || head == sk::kFinal) return member(columns, "timeseries.csv column");
  if (head == sk::kTraditionalStageReached)
    return member(reached_stage_names<sim::TraditionalStage>(), "stage");
  if (head == sk::kPlatformPathStageReached)
    return member(reached_stage_names<sim::PlatformPathStage>(), "stage");
  if (head == sk::kEcosystemStageReached) return member(reached_stage_names<sim::EcosystemStage>(), "stage");
  if (head == sk::kPilotEffect) return member({}, "outcome");
  if (head == "scenario" || head == "vicsim_version" || head == "git_hash")
    return "'" + head + "' is text, not a number";
  if (head == "policies" || head == "shocks")
    return "'" + head + "' is a list; a summary KPI cannot index it (use timeseries.csv columns)";
  if (!rest.empty()) return "'" + head + "' is a number: nothing below it ('" + rest + "')";
  return "";
}

struct Checker {
  const std::string& file;
  Diagnostics& diag;
  void error(const std::string& path, const std::string& msg) { diag.push_back({file, path, msg}); }
};

void check_factor(FactorSpec& f, const nlohmann::json& raw, const std::string& path, Checker& c) {
  if (f.name.empty()) f.name = f.path;
  const int given =
      int(raw.contains("range")) + int(raw.contains("levels")) + int(raw.contains("distribution"));
  if (given != 1) {
    c.error(path, "expected exactly one of range, levels or distribution, got " + std::to_string(given));
    return;
  }
  if (raw.contains("range")) {
    f.kind = FactorKind::Range;
    if (f.range.size() != 2 || !(f.range[0] < f.range[1]))
      c.error(path + ".range", "expected [min, max] with min < max");
  } else if (raw.contains("levels")) {
    f.kind = FactorKind::Levels;
    if (!f.levels.is_array() || f.levels.empty()) {
      c.error(path + ".levels", "expected a non-empty array of numbers, booleans or strings");
    } else {
      for (std::size_t i = 0; i < f.levels.size(); ++i)
        if (!f.levels[i].is_primitive() || f.levels[i].is_null())
          c.error(path + ".levels[" + std::to_string(i) + "]",
                  "expected a number, boolean or string, got " +
                      scenarios::JsonReader::describe_value(f.levels[i]));
    }
  } else {
    f.kind = FactorKind::Distribution;
    const auto& d = f.distribution;
    const std::string dp = path + ".distribution";
    if (std::find(kDistributions.begin(), kDistributions.end(), d.type) == kDistributions.end())
      c.error(dp + ".type", unknown_word(d.type, kDistributions));
    else if ((d.type == "uniform" || d.type == "triangular") && !(d.min < d.max))
      c.error(dp, "expected min < max");
    else if (d.type == "triangular" && !(d.min <= d.mode && d.mode <= d.max))
      c.error(dp + ".mode", "expected min <= mode <= max");
    else if (d.type == "normal" && !(d.sd > 0))
      c.error(dp + ".sd", "expected a standard deviation > 0");
    else if (d.type == "lognormal" && !(d.sdlog > 0))
      c.error(dp + ".sdlog", "expected a standard deviation > 0");
  }
  if (raw.contains("steps") && f.kind != FactorKind::Range)
    c.error(path + ".steps", "steps goes with range only");
}

void check_design(Experiment& e, const nlohmann::json& doc, Checker& c) {
  auto& d = e.design;
  const auto it = std::find(kDesigns.begin(), kDesigns.end(), d.type);
  if (it == kDesigns.end()) {
    if (doc.contains("design") && doc["design"].contains("type"))
      c.error("design.type", unknown_word(d.type, kDesigns));
    return;
  }
  d.kind = static_cast<DesignType>(it - kDesigns.begin());
  const auto& raw = doc["design"];
  // A key of another design type would be ignored: most likely the wrong type was chosen.
  const std::vector<std::pair<const char*, DesignType>> own = {{"points", DesignType::LatinHypercube},
                                                               {"trajectories", DesignType::Morris},
                                                               {"levels", DesignType::Morris},
                                                               {"base_samples", DesignType::Sobol},
                                                               {"skip", DesignType::Sobol}};
  for (const auto& [key, kind] : own)
    if (raw.contains(key) && d.kind != kind)
      c.error(std::string("design.") + key, std::string(key) + " belongs to a " +
                                                kDesigns[static_cast<std::size_t>(kind)] + " design, not " +
                                                d.type);
  if (d.kind == DesignType::LatinHypercube && !raw.contains("points"))
    c.error("design.points", "is required for latin_hypercube: expected the number of points");
  if (d.kind == DesignType::Morris && d.levels % 2 != 0)
    c.error("design.levels", "expected an even number of grid levels, got " + std::to_string(d.levels));
  if (d.kind != DesignType::FullFactorial && e.factors.empty())
    c.error("factors", "expected at least one factor for a " + d.type + " design");
  if (d.kind == DesignType::FullFactorial)
    for (std::size_t i = 0; i < e.factors.size(); ++i)
      if (factorial_levels(e.factors[i]) == 0)
        c.error("factors[" + std::to_string(i) + "]",
                "a full_factorial design needs levels, or a range with steps");
}

void check_outputs(Experiment& e, const std::vector<std::string>& columns, Checker& c) {
  for (std::size_t i = 0; i < e.outputs.size(); ++i)
    check_output(e.outputs[i], columns, "outputs[" + std::to_string(i) + "]", c.file, c.diag);
}

void check_names(const Experiment& e, Checker& c) {
  std::set<std::string> seen;
  auto check = [&](const std::string& name, const std::string& path) {
    if (auto why = scenarios::name_problem(name); !why.empty()) return c.error(path, why);
    if (std::find(kReserved.begin(), kReserved.end(), name) != kReserved.end())
      return c.error(path, "'" + name + "' is a results.csv column of its own; choose another name");
    if (!seen.insert(name).second) c.error(path, "duplicate column name '" + name + "'");
  };
  for (std::size_t i = 0; i < e.factors.size(); ++i)
    check(e.factors[i].name, "factors[" + std::to_string(i) + "].name");
  for (std::size_t i = 0; i < e.outputs.size(); ++i)
    check(e.outputs[i].name, "outputs[" + std::to_string(i) + "].name");
}

void check_discovery(Experiment& e, const nlohmann::json& doc, Checker& c) {
  e.discovery.enabled = doc.contains("discovery");
  if (!e.discovery.enabled) return;
  auto& cond = e.discovery.condition;
  if (!doc["discovery"].is_object()) return;  // reported by the reader
  if (!doc["discovery"].contains("condition"))
    return c.error("discovery.condition", "is required: expected {\"kpi\", \"op\", \"value\"}");
  std::vector<std::string> kpis;
  for (const auto& o : e.outputs) kpis.push_back(o.name);
  auto check_kpi = [&](const std::string& name, const std::string& path) {
    if (std::find(kpis.begin(), kpis.end(), name) == kpis.end())
      c.error(path, unknown_word(name, kpis) + " (outputs)");
  };
  check_kpi(cond.kpi, "discovery.condition.kpi");
  if (std::find(kOps.begin(), kOps.end(), cond.op) == kOps.end())
    c.error("discovery.condition.op", unknown_word(cond.op, kOps));
  const bool has_value = !cond.raw_value.is_null(), has_other = !cond.other_kpi.empty();
  if (has_value == has_other)
    c.error("discovery.condition", "expected exactly one of value or other_kpi");
  else if (has_value && !cond.raw_value.is_number())
    c.error("discovery.condition.value",
            "expected a number, got " + scenarios::JsonReader::describe_value(cond.raw_value));
  else if (has_value)
    cond.value = cond.raw_value.get<double>();
  else
    check_kpi(cond.other_kpi, "discovery.condition.other_kpi");
}

/** Values worth trying on the scenario: a range's ends, every level, a distribution's tails. */
std::vector<FactorValue> probe_values(const FactorSpec& f) {
  std::vector<FactorValue> v;
  if (f.kind == FactorKind::Levels) {
    for (std::size_t i = 0; i < f.levels.size(); ++i)
      v.push_back(factor_value(f, (static_cast<double>(i) + 0.5) / static_cast<double>(f.levels.size())));
  } else {
    v.push_back(factor_value(f, 0.0));
    v.push_back(factor_value(f, 1.0));
  }
  return v;
}

/** Loads the base scenario with the fixed overrides, then with each factor's probe values. */
void check_against_scenario(Experiment& e, ExperimentLoad& out, Checker& c) {
  auto base = load_base_scenario(e.file, e.scenario, e.set, out.scenario_text, c.diag);
  e.scenario_file = base.file;
  const auto& doc = base.doc;
  if (!doc) return;
  // Output windows must lie within the runs, unless a factor varies their length.
  const bool ticks_vary =
      std::any_of(e.factors.begin(), e.factors.end(), [](const FactorSpec& f) { return f.path == "ticks"; });
  if (auto fixed = scenarios::load_scenario(*doc, e.scenario_file, e.set); fixed.scenario && !ticks_vary)
    for (std::size_t i = 0; i < e.outputs.size(); ++i)
      check_window(e.outputs[i], fixed.scenario->ticks, "outputs[" + std::to_string(i) + "]", c.file, c.diag);
  for (std::size_t i = 0; i < e.factors.size(); ++i) {
    const auto& f = e.factors[i];
    for (const auto& value : probe_values(f)) {
      auto sets = e.set;
      sets.push_back(f.path + "=" + value.set_text);
      auto r = scenarios::load_scenario(*doc, e.scenario_file, sets);
      if (r.problems.empty()) continue;
      if (auto why = unknown_key_message(r.problems, f.path); !why.empty()) {
        c.error("factors[" + std::to_string(i) + "].path", why);
        break;
      }
      c.error("factors[" + std::to_string(i) + "]",
              "value " + value.set_text + " for '" + f.path + "' is not valid in the scenario: " +
                  (r.problems.front().path.empty() ? "" : r.problems.front().path + ": ") +
                  r.problems.front().message);
      break;  // one message per factor is enough
    }
  }
}

}  // namespace

void check_output(OutputSpec& o, const std::vector<std::string>& columns, const std::string& path,
                  const std::string& file, scenarios::Diagnostics& diag) {
  Checker c{file, diag};
  if (o.column.empty() == o.summary.empty())
    return c.error(path, "expected exactly one of column or summary");
  if (o.to_tick >= 0 && o.to_tick < o.from_tick)
    c.error(path + ".to_tick", "expected to_tick >= from_tick (" + std::to_string(o.from_tick) + "), got " +
                                   std::to_string(o.to_tick));
  if (!o.summary.empty()) {
    if (auto why = summary_key_problem(o.summary, columns); !why.empty()) c.error(path + ".summary", why);
    return;
  }
  if (!columns.empty() && std::find(columns.begin(), columns.end(), o.column) == columns.end()) {
    std::string msg = "unknown timeseries.csv column '" + o.column + "'";
    if (auto m = scenarios::closest_match(o.column, columns); !m.empty())
      msg += " (did you mean '" + m + "'?)";
    c.error(path + ".column", msg + "; `vicsim run` writes: " + one_of(columns));
  }
  if (o.tick >= 0) {
    o.kind = Aggregate::AtTick;
    if (!o.aggregate.empty()) c.error(path, "expected either tick or aggregate, not both");
  } else if (o.aggregate.empty()) {
    c.error(path + ".aggregate",
            "is required with column (or give tick): expected one of " + one_of(kAggregates));
  } else if (auto a = std::find(kAggregates.begin(), kAggregates.end(), o.aggregate);
             a == kAggregates.end()) {
    c.error(path + ".aggregate", unknown_word(o.aggregate, kAggregates));
  } else {
    const Aggregate kinds[] = {Aggregate::Final, Aggregate::First, Aggregate::Mean,
                               Aggregate::Min,   Aggregate::Max,   Aggregate::Sum};
    o.kind = kinds[a - kAggregates.begin()];
  }
}

void check_window(const OutputSpec& o, std::int32_t ticks, const std::string& path, const std::string& file,
                  scenarios::Diagnostics& diag) {
  Checker c{file, diag};
  if (!o.summary.empty()) return;
  const std::string within =
      " within the runs' 1.." + std::to_string(ticks) + " months (the scenario with set)";
  if (o.tick > ticks) c.error(path + ".tick", "expected a tick" + within + ", got " + std::to_string(o.tick));
  if (o.from_tick > ticks)
    c.error(path + ".from_tick", "expected a start" + within + ", got " + std::to_string(o.from_tick));
}

ExperimentLoad load_experiment(const nlohmann::json& doc, const std::string& file,
                               const std::vector<std::string>& timeseries_columns) {
  ExperimentLoad out;
  Experiment e;
  e.file = file;
  auto& diag = out.problems;
  if (!scenarios::JsonReader::read(doc, e, "", file, diag)) return out;
  if (!doc.contains("design"))
    diag.push_back({file, "design", "is required: expected an object with a type"});
  Checker c{file, diag};
  if (doc.contains("factors") && doc["factors"].is_array())
    for (std::size_t i = 0; i < e.factors.size() && i < doc["factors"].size(); ++i)
      if (doc["factors"][i].is_object())
        check_factor(e.factors[i], doc["factors"][i], "factors[" + std::to_string(i) + "]", c);
  // Two factors on one key: a run could take only one of their values, and results.csv would record both.
  for (std::size_t i = 0; i < e.factors.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!e.factors[i].path.empty() && e.factors[i].path == e.factors[j].path) {
        c.error("factors[" + std::to_string(i) + "].path",
                "'" + e.factors[i].path + "' is already factors[" + std::to_string(j) +
                    "]'s path: a run can take only one value of a key");
        break;
      }
  if (doc.contains("design") && doc["design"].is_object()) check_design(e, doc, c);
  check_outputs(e, timeseries_columns, c);
  check_names(e, c);
  check_discovery(e, doc, c);
  if (diag.empty() && !e.scenario.empty()) check_against_scenario(e, out, c);
  if (diag.empty()) out.experiment = std::move(e);
  return out;
}

ExperimentLoad load_experiment_file(const std::string& file,
                                    const std::vector<std::string>& timeseries_columns) {
  return load_document_file<ExperimentLoad>(
      file, [&](const nlohmann::json& doc) { return load_experiment(doc, file, timeseries_columns); });
}

}  // namespace vicsim::experiments
