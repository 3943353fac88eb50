// vicsim: the command-line front end. Exit codes: 0 success, 1 internal failure, 2 bad usage or input.
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>

#include "app/progress_bar.hpp"
#include "reports/output_directory.hpp"
#include "reports/run_writers.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/schema_doc.hpp"
#include "scenarios/world_builder.hpp"
#include "vicsim_version.hpp"

namespace {

using namespace vicsim;
namespace fs = std::filesystem;

std::atomic<bool> g_interrupted{false};
extern "C" void on_signal(int) { g_interrupted = true; }

struct Interrupted {};

int report_problems(const scenarios::Diagnostics& problems) {
  for (const auto& p : problems) std::cerr << "error: " << p.format() << "\n";
  std::cerr << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " found\n";
  return 2;
}

struct RunOptions {
  std::string scenario, out;
  std::optional<std::uint64_t> seed;
  std::optional<std::int32_t> ticks;
  std::vector<std::string> sets;
  unsigned threads = 1;
  bool force = false, quiet = false;
};

void write_file(const fs::path& p, const std::function<void(std::ostream&)>& fn) {
  std::ofstream out(p, std::ios::binary);
  fn(out);
  out.flush();
  if (!out) throw std::runtime_error(p.string() + ": write failed");
}

int cmd_run(const RunOptions& o) {
  // --seed and --ticks are overrides like any other, so the schema's ranges apply to them too.
  auto sets = o.sets;
  if (o.seed) sets.push_back("seed=" + std::to_string(*o.seed));
  if (o.ticks) sets.push_back("ticks=" + std::to_string(*o.ticks));
  auto loaded = scenarios::load_scenario_file(o.scenario, sets);
  if (!loaded.scenario) return report_problems(loaded.problems);
  const scenarios::Scenario s = *loaded.scenario;

  std::unique_ptr<reports::OutputDirectory> dir;
  try {
    dir = std::make_unique<reports::OutputDirectory>(o.out, o.force);
  } catch (const reports::OutputDirectoryError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  const fs::path stage = dir->staging();

  nlohmann::json resolved = scenarios::to_json(s);
  resolved["provenance"] = {{"vicsim_version", kVersion},
                            {"git_hash", kGitHash},
                            {"seed", s.seed},
                            {"source_file", o.scenario},
                            {"overrides", o.sets}};
  write_file(stage / "scenario.resolved.json", [&](std::ostream& out) { out << resolved.dump(2) << "\n"; });

  auto model = scenarios::build_model(s, o.threads);
  std::vector<agents::RunObserver*> observers;
  std::unique_ptr<reports::GraphmlRecorder> graphml;
  if (s.output.graphml) {
    fs::create_directories(stage / "network");
    graphml = std::make_unique<reports::GraphmlRecorder>(stage / "network", s.output.network_every, s.ticks);
    observers.push_back(graphml.get());
  }
  app::ProgressBar bar("run " + s.name);
  const auto series = agents::run_simulation(model, s.ticks, observers, [&](std::int32_t t, std::int32_t n) {
    if (!o.quiet) bar.update(t, n);
    if (g_interrupted) throw Interrupted{};
  });
  const reports::RunLabel label{s.name, s.seed};
  write_file(stage / "timeseries.csv",
             [&](std::ostream& out) { reports::write_timeseries_csv(out, label, series); });
  write_file(stage / "firms.csv", [&](std::ostream& out) { reports::write_firms_csv(out, model.world()); });
  write_file(stage / "summary.json", [&](std::ostream& out) {
    out << reports::run_summary(label, model.world(), series, s.mechanisms.population.sme_threshold).dump(2)
        << "\n";
  });
  dir->commit();
  if (!o.quiet) std::cerr << "wrote " << o.out << "\n";
  return 0;
}

int cmd_validate(const std::vector<std::string>& files, const std::vector<std::string>& sets) {
  int rc = 0;
  for (const auto& f : files) {
    auto r = scenarios::load_scenario_file(f, sets);
    if (r.scenario)
      std::cout << f << ": ok\n";
    else
      rc = report_problems(r.problems);
  }
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  CLI::App app{"vicsim: agent-based simulation of virtual industrial clusters"};
  app.set_version_flag("--version", std::string("vicsim ") + kVersion + " (" + kGitHash + ")");
  app.require_subcommand(1);

  RunOptions ro;
  auto* run = app.add_subcommand("run", "Run one scenario and write a run directory");
  run->add_option("scenario", ro.scenario, "Scenario JSON file")->required();
  run->add_option("--out,-o", ro.out, "Output directory (written atomically)")->required();
  run->add_option("--seed", ro.seed, "Master seed (overrides the scenario's)");
  run->add_option("--ticks", ro.ticks, "Months to simulate (overrides the scenario's)");
  run->add_option("--set", ro.sets,
                  "Override a scenario key: path=value (repeatable), e.g. mechanisms.trade.enabled=false");
  run->add_option("--threads,-j", ro.threads, "Worker threads; results do not depend on it")
      ->check(CLI::Range(1, 256));
  run->add_flag("--force", ro.force, "Replace an existing non-empty output directory");
  run->add_flag("--quiet,-q", ro.quiet, "No progress bar or final message");

  std::vector<std::string> vfiles, vsets;
  auto* validate = app.add_subcommand("validate", "Check scenario files and report every problem");
  validate->add_option("files", vfiles, "Scenario JSON files")->required();
  validate->add_option("--set", vsets, "Override a key before validating: path=value (repeatable)");

  auto* schema = app.add_subcommand("schema", "Print the scenario key reference (Markdown)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  try {
    if (*run) return cmd_run(ro);
    if (*validate) return cmd_validate(vfiles, vsets);
    if (*schema) {
      std::cout << scenarios::scenario_key_reference();
      return 0;
    }
  } catch (const Interrupted&) {
    std::cerr << "\ninterrupted: no output written\n";
    return 130;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
