// `vicsim sweep`: an experiment's runs over local cores and MPI ranks, resumable (sweep_runner.hpp).
// `vicsim discover`: PRIM scenario discovery on a finished sweep's results.csv.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "app/sweep_runner.hpp"
#include "experiments/analysis.hpp"
#include "experiments/condition.hpp"
#include "reports/csv_table.hpp"
#include "reports/report_input_error.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;
namespace ex = vicsim::experiments;

struct DiscoverOptions {
  std::string dir, where;
  ex::DiscoverySpec spec;
};

int discover(DiscoverOptions o) {
  const fs::path dir = o.dir, manifest_file = dir / "sweep.json", results_file = dir / "results.csv";
  std::ifstream mf(manifest_file);
  if (!mf || !fs::is_regular_file(results_file)) {
    std::cerr << "error: " << o.dir
              << ": expected a finished sweep directory with sweep.json and results.csv\n";
    return 2;
  }
  std::string why;
  const auto cond = ex::parse_condition(o.where, why);
  if (!cond) {
    std::cerr << "error: --where: " << why << "\n";
    return 2;
  }
  nlohmann::json man;
  reports::CsvTable results;
  try {
    man = nlohmann::json::parse(mf);
    results = reports::CsvTable::read(results_file);
  } catch (const reports::ReportInputError& e) {  // names the file itself
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << o.dir << ": " << e.what() << "\n";
    return 2;
  }
  if (man.contains("runs") && man["runs"].is_number_unsigned() &&
      results.rows() < man["runs"].get<std::size_t>()) {
    std::cerr << "error: " << o.dir << ": the sweep is unfinished: results.csv holds " << results.rows()
              << " of its " << man["runs"].get<std::size_t>()
              << " planned runs; run the same vicsim sweep command again to finish it\n";
    return 2;
  }
  std::vector<ex::FactorColumn> factors;
  for (const auto& f : man.at("factors"))
    factors.push_back({f.at("name").get<std::string>(), f.value("levels", std::vector<std::string>{})});
  const auto kpis = man.at("kpis").get<std::vector<std::string>>();
  for (const auto& k : {cond->kpi, cond->other_kpi}) {
    if (k.empty() || std::find(kpis.begin(), kpis.end(), k) != kpis.end()) continue;
    std::string msg = "error: --where: unknown KPI '" + k + "'";
    if (auto m = scenarios::closest_match(k, kpis); !m.empty()) msg += " (did you mean '" + m + "'?)";
    std::cerr << msg << "; the sweep's KPIs are:";
    for (const auto& x : kpis) std::cerr << " " << x;
    std::cerr << "\n";
    return 2;
  }
  o.spec.condition = *cond;
  nlohmann::json p;
  try {
    p = ex::prim_json(results, factors, *cond, o.spec);
  } catch (const ex::DiscoveryError& e) {
    std::cerr << "error: " << results_file.string() << ": " << e.what() << "\n";
    return 2;
  }
  write_file(dir / ".prim.json.tmp", [&](std::ostream& out) { out << p.dump(2) << "\n"; });
  write_file(dir / ".prim.csv.tmp", [&](std::ostream& out) { out << ex::prim_csv(p); });
  fs::rename(dir / ".prim.json.tmp", dir / "prim.json");
  fs::rename(dir / ".prim.csv.tmp", dir / "prim.csv");
  std::cerr << "discover: " << p["boxes"].size() << " box(es) for '" << p["condition"].get<std::string>()
            << "' (" << p["true_points"] << " of " << p["points"] << " runs); wrote "
            << (dir / "prim.json").string() << "\n";
  return 0;
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  auto* cmd = app.add_subcommand(
      "sweep",
      "Run an experiment (factorial, LHS, Morris or Sobol design x replications); resumable; "
      "spreads runs over MPI ranks under mpirun");
  cmd->add_option("experiment", o->experiment, "Experiment JSON file (docs/experiments.md)")->required();
  cmd->add_option("--out,-o", o->out, "Sweep directory (run again with the same command to resume)")
      ->required();
  cmd->add_option("--jobs,-j", o->jobs, "Runs at a time per process (default: cores; 1 per MPI rank)")
      ->check(CLI::Range(1, 1024));
  cmd->add_flag("--keep-runs", o->keep_runs, "Keep every run directory in DIR/runs/run_NNNNNN/");
  cmd->add_flag("--retry-failed", o->retry_failed, "On resume, run the failed runs again");
  cmd->add_flag("--force", o->force, "Discard the sweep in the directory and start over");
  cmd->add_flag("--quiet,-q", o->quiet, "No progress bar or final message");
  return {cmd, [o] { return run_sweep(*o); }};
}

Command add_discover_command(CLI::App& app) {
  auto o = std::make_shared<DiscoverOptions>();
  auto* cmd = app.add_subcommand("discover", "Scenario discovery (PRIM) on a finished sweep directory");
  cmd->add_option("dir", o->dir, "Sweep directory")->required();
  cmd->add_option("--where", o->where, "Condition, e.g. \"output_final > 2e8\" or \"a > 1.05 * b\"")
      ->required();
  cmd->add_option("--peel-alpha", o->spec.peel_alpha, "Share peeled per step")->check(CLI::Range(0.001, 0.5));
  cmd->add_option("--paste-alpha", o->spec.paste_alpha, "Share pasted per step (0: no pasting)")
      ->check(CLI::Range(0.0, 0.5));
  cmd->add_option("--min-mass", o->spec.min_mass, "Smallest box mass")->check(CLI::Range(0.0001, 1.0));
  cmd->add_option("--threshold", o->spec.threshold, "Density the chosen box must reach")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--max-boxes", o->spec.max_boxes, "Boxes found by covering")->check(CLI::Range(1, 100));
  return {cmd, [o] { return discover(*o); }};
}

}  // namespace vicsim::app
