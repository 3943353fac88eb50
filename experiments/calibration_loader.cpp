#include "experiments/calibration_loader.hpp"

#include <set>

#include "experiments/base_scenario.hpp"
#include "experiments/case_figures.hpp"
#include "experiments/experiment_loader.hpp"
#include "reports/number_format.hpp"
#include "scenarios/json_file.hpp"
#include "scenarios/json_reader.hpp"
#include "scenarios/name_rules.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::experiments {

// The calibration format, declared for scenarios::JsonReader (unknown keys get a did-you-mean).
template <class V>
void describe(V& v, CalibrationParameter& p) {
  v.field("name", p.name, "", "Column name in trace.csv (default: the path)");
  v.required("path", p.path, "", "Scenario key, dotted as in --set");
  v.required("bounds", p.bounds, "", "[lower, upper] inside the scenario schema's range");
  v.field("start", p.start, "", "Starting value (default: the midpoint of the bounds)");
}

template <class V>
void describe(V& v, CalibrationTarget& t) {
  v.field("name", t.name, "", "Column prefix in trace.csv (default: the column or summary key)");
  v.field("column", t.kpi.column, "", "timeseries.csv column (KPI catalog name)");
  v.field("aggregate", t.kpi.aggregate, "", "final, first, mean, min, max or sum over the window");
  v.field("tick", t.kpi.tick, "", "Value at this tick", 0, 1e9);
  v.field("from_tick", t.kpi.from_tick, "", "Window start (aggregate over ticks >= this)", 0, 1e9);
  v.field("to_tick", t.kpi.to_tick, "", "Window end (aggregate over ticks <= this)", 0, 1e9);
  v.field("summary", t.kpi.summary, "", "Dotted key in summary.json");
  v.field("per", t.per, "", "Divide by this column (same aggregation) or summary key");
  v.field("case_figure", t.case_figure, "",
          "delivery_time, total_cost, quality or management_efficiency (matched design, docs/ODD.md §8)");
  v.required("value", t.value, "", "Target of the replication mean");
  v.field("tolerance", t.tolerance, "", "Scale of the distance, KPI units (default: |value|)", 0);
  v.field("weight", t.weight, "", "Weight in the objective", 0);
  v.field("source", t.source, "", "Where the target comes from");
}

template <class V>
void describe(V& v, OptimiserSpec& o) {
  v.field("algorithm", o.algorithm, "", "LN_BOBYQA, LN_COBYLA, LN_NELDERMEAD or LN_SBPLX");
  v.field("max_evaluations", o.max_evaluations, "", "Evaluations of the main fit", 1, 100000);
  v.field(
      "initial_step", o.initial_step, "share",
      "First step, share of each range (at most half: BOBYQA needs each range to be twice its first step)",
      1e-6, 0.5);
  v.field("xtol", o.xtol, "share", "Stop on steps below this share of each range", 0, 1);
  v.field("ftol_abs", o.ftol_abs, "", "Stop on objective changes below this (0: off)", 0);
}

template <class V>
void describe(V& v, UncertaintySpec& u) {
  v.field("seed_blocks", u.seed_blocks, "", "Seed blocks, the fit's included (refits on the others)", 1,
          1000);
  v.field("max_evaluations", u.max_evaluations, "", "Evaluations of each refit", 1, 100000);
}

template <class V>
void describe(V& v, IdentifiabilitySpec& s) {
  v.field("enabled", s.enabled, "", "Compute 1-D profiles through the optimum");
  v.field("points", s.points, "", "Profile points per side", 1, 100);
  v.field("width", s.width, "share", "Half-width of each profile, share of the range", 1e-6, 1);
  v.field("flat_rise", s.flat_rise, "", "Objective rise below which a profile is flagged flat", 0);
  v.field("noise_sds", s.noise_sds, "",
          "Residual sds of the Hessian's least-squares fit below which a rise is flagged flat (0: off)", 0,
          100);
  v.field("hessian", s.hessian, "", "Also the central-difference Hessian at the optimum");
  v.field("hessian_step", s.hessian_step, "share", "Hessian step, share of each range", 1e-6, 0.5);
  v.field("flat_ratio", s.flat_ratio, "", "Eigenvalue ratio to the largest below which a direction is flat",
          0, 1);
}

template <class V>
void describe(V& v, Calibration& c) {
  v.field("name", c.name, "", "Calibration name");
  v.field("description", c.description, "", "Free text");
  v.required("scenario", c.scenario, "", "Base scenario, relative to this file");
  v.field("set", c.set, "", "Fixed overrides path=value for every run");
  v.array("parameters", c.parameters, "Parameters to fit", 1);
  v.array("targets", c.targets, "Target moments", 1);
  v.field("replications", c.replications, "", "Runs per evaluation", 1, 10000);
  v.field("seed", c.seed, "", "Master seed of the seed blocks", 0, 9007199254740991.0);
  v.object("optimiser", c.optimiser, "NLopt algorithm and budget");
  v.object("uncertainty", c.uncertainty, "Refits on other seed blocks");
  v.object("identifiability", c.identifiability, "Profiles and Hessian at the optimum");
}

namespace {

using scenarios::Diagnostics;

struct Checker {
  const std::string& file;
  Diagnostics& diag;
  void error(const std::string& path, const std::string& msg) { diag.push_back({file, path, msg}); }
};

void check_parameters(Calibration& cal, const nlohmann::json& doc, Checker& c) {
  for (std::size_t i = 0; i < cal.parameters.size(); ++i) {
    auto& p = cal.parameters[i];
    const std::string path = "parameters[" + std::to_string(i) + "]";
    if (p.name.empty()) p.name = p.path;
    if (p.bounds.size() != 2 || !(p.bounds[0] < p.bounds[1])) {
      c.error(path + ".bounds", "expected [lower, upper] with lower < upper");
      continue;
    }
    p.has_start = doc["parameters"][i].contains("start");
    if (!p.has_start) p.start = 0.5 * (p.bounds[0] + p.bounds[1]);
    if (p.start < p.bounds[0] || p.start > p.bounds[1])
      c.error(path + ".start", "expected a value within the bounds [" + reports::format_number(p.bounds[0]) +
                                   ", " + reports::format_number(p.bounds[1]) + "], got " +
                                   reports::format_number(p.start));
  }
}

void check_targets(Calibration& cal, const std::vector<std::string>& columns, Checker& c) {
  for (std::size_t i = 0; i < cal.targets.size(); ++i) {
    auto& t = cal.targets[i];
    const std::string path = "targets[" + std::to_string(i) + "]";
    if (!t.case_figure.empty()) {
      if (t.name.empty()) t.name = t.case_figure;
      if (!t.kpi.column.empty() || !t.kpi.summary.empty() || !t.per.empty())
        c.error(path, "expected either case_figure or column/summary (with per), not both");
      if (!find_case_figure(t.case_figure)) {
        std::vector<std::string> keys;
        std::string all;
        for (const auto& e : case_figure_table()) {
          keys.emplace_back(e.key);
          all += (all.empty() ? "" : ", ") + keys.back();
        }
        std::string msg = "unknown case figure '" + t.case_figure + "'";
        if (auto m = scenarios::closest_match(t.case_figure, keys); !m.empty())
          msg += " (did you mean '" + m + "'?)";
        c.error(path + ".case_figure", msg + "; expected one of: " + all);
      }
    } else {
      if (t.name.empty()) t.name = t.kpi.column.empty() ? t.kpi.summary : t.kpi.column;
      t.kpi.name = t.name;
      check_output(t.kpi, columns, path, c.file, c.diag);
      if (!t.per.empty()) {
        t.per_kpi = t.kpi;
        (t.kpi.summary.empty() ? t.per_kpi.column : t.per_kpi.summary) = t.per;
        check_output(t.per_kpi, columns, path + ".per", c.file, c.diag);
      }
    }
    if (!(t.scale() > 0))
      c.error(path + ".tolerance", "is required when the target value is 0: expected a tolerance > 0");
  }
}

void check_names(const Calibration& cal, Checker& c) {
  const std::set<std::string> reserved = {"eval",      "stage",  "block", "profiled",
                                          "objective", "status", "error"};
  std::set<std::string> seen;
  auto check = [&](const std::string& name, const std::string& path) {
    if (auto why = scenarios::name_problem(name); !why.empty()) return c.error(path, why);
    if (reserved.count(name) > 0)
      return c.error(path, "'" + name + "' is a trace.csv column of its own; choose another name");
    if (!seen.insert(name).second) c.error(path, "duplicate column name '" + name + "'");
  };
  for (std::size_t i = 0; i < cal.parameters.size(); ++i)
    check(cal.parameters[i].name, "parameters[" + std::to_string(i) + "].name");
  for (std::size_t i = 0; i < cal.targets.size(); ++i)
    check(cal.targets[i].name, "targets[" + std::to_string(i) + "].name");
}

/** Loads the base scenario with the fixed overrides, then with each parameter at its bounds, its start and
 * an interior point that is not a round number (an integer key refuses it): the schema's ranges decide. */
void check_against_scenario(Calibration& cal, CalibrationLoad& out, Checker& c) {
  auto base = load_base_scenario(cal.file, cal.scenario, cal.set, out.scenario_text, c.diag);
  cal.scenario_file = base.file;
  const auto& doc = base.doc;
  if (!doc) return;
  const bool ticks_calibrated = std::any_of(cal.parameters.begin(), cal.parameters.end(),
                                            [](const CalibrationParameter& p) { return p.path == "ticks"; });
  if (auto fixed = scenarios::load_scenario(*doc, cal.scenario_file, cal.set);
      fixed.scenario && !ticks_calibrated)
    for (std::size_t i = 0; i < cal.targets.size(); ++i) {
      const std::string path = "targets[" + std::to_string(i) + "]";
      check_window(cal.targets[i].kpi, fixed.scenario->ticks, path, c.file, c.diag);
      if (!cal.targets[i].per.empty())
        check_window(cal.targets[i].per_kpi, fixed.scenario->ticks, path + ".per", c.file, c.diag);
    }
  for (std::size_t i = 0; i < cal.targets.size(); ++i) {
    if (cal.targets[i].case_figure.empty()) continue;
    const auto r = scenarios::load_scenario(*doc, cal.scenario_file, cal.set);
    if (!r.scenario) break;  // reported by the parameter probes below
    const std::string want = CaseFigureDesign{}.platform;
    bool found = false;
    for (const auto& p : r.scenario->platforms) found = found || p.name == want;
    if (!found)
      c.error("targets[" + std::to_string(i) + "].case_figure",
              "the case figures' matched design joins firms to the platform \"" + want +
                  "\", which the base scenario does not declare: expected a scenario that extends "
                  "platform_led.json");
  }
  for (std::size_t i = 0; i < cal.parameters.size(); ++i) {
    const auto& p = cal.parameters[i];
    const double lo = p.bounds[0], hi = p.bounds[1];
    const std::pair<const char*, double> probes[] = {
        {".bounds[0]", lo}, {".bounds[1]", hi}, {".start", p.start}, {".bounds", lo + 0.371 * (hi - lo)}};
    for (const auto& [where, x] : probes) {
      auto sets = cal.set;
      sets.push_back(p.path + "=" + reports::format_number(x));
      auto r = scenarios::load_scenario(*doc, cal.scenario_file, sets);
      if (r.problems.empty()) continue;
      if (auto why = unknown_key_message(r.problems, p.path); !why.empty()) {
        c.error("parameters[" + std::to_string(i) + "].path", why);
        break;
      }
      c.error("parameters[" + std::to_string(i) + "]" + where,
              "value " + reports::format_number(x) + " for '" + p.path +
                  "' is not valid in the scenario (a calibrated key must be a real number with this range "
                  "inside its schema range): " +
                  (r.problems.front().path.empty() ? "" : r.problems.front().path + ": ") +
                  r.problems.front().message);
      break;  // one message per parameter is enough
    }
  }
}

}  // namespace

const std::vector<std::string>& calibration_algorithms() {
  static const std::vector<std::string> a = {"LN_BOBYQA", "LN_COBYLA", "LN_NELDERMEAD", "LN_SBPLX"};
  return a;
}

CalibrationLoad load_calibration(const nlohmann::json& doc, const std::string& file,
                                 const std::vector<std::string>& timeseries_columns) {
  CalibrationLoad out;
  Calibration cal;
  cal.file = file;
  auto& diag = out.problems;
  if (!scenarios::JsonReader::read(doc, cal, "", file, diag)) return out;
  Checker c{file, diag};
  if (doc.contains("parameters") && doc["parameters"].is_array() &&
      doc["parameters"].size() == cal.parameters.size())
    check_parameters(cal, doc, c);
  check_targets(cal, timeseries_columns, c);
  if (!cal.targets.empty() && std::none_of(cal.targets.begin(), cal.targets.end(),
                                           [](const CalibrationTarget& t) { return t.weight > 0; }))
    c.error("targets",
            "every target has weight 0: the objective would be 0 everywhere; expected a weight > 0");
  if (doc.contains("targets") && doc["targets"].is_array() && doc["targets"].size() == cal.targets.size())
    for (std::size_t i = 0; i < cal.targets.size(); ++i)
      if (doc["targets"][i].contains("tolerance") && !(cal.targets[i].tolerance > 0))
        c.error("targets[" + std::to_string(i) + "].tolerance",
                "expected a tolerance > 0 (the distance's scale), got 0; leave it out for |value|");
  const auto& algos = calibration_algorithms();
  if (std::find(algos.begin(), algos.end(), cal.optimiser.algorithm) == algos.end()) {
    std::string msg = "unknown algorithm '" + cal.optimiser.algorithm + "'";
    if (auto m = scenarios::closest_match(cal.optimiser.algorithm, algos); !m.empty())
      msg += " (did you mean '" + m + "'?)";
    c.error("optimiser.algorithm", msg + "; expected one of: LN_BOBYQA, LN_COBYLA, LN_NELDERMEAD, LN_SBPLX");
  }
  check_names(cal, c);
  if (diag.empty() && !cal.scenario.empty()) check_against_scenario(cal, out, c);
  if (diag.empty()) out.calibration = std::move(cal);
  return out;
}

CalibrationLoad load_calibration_file(const std::string& file,
                                      const std::vector<std::string>& timeseries_columns) {
  return load_document_file<CalibrationLoad>(
      file, [&](const nlohmann::json& doc) { return load_calibration(doc, file, timeseries_columns); });
}

}  // namespace vicsim::experiments
