// `vicsim run`: one scenario into one run directory, written atomically.
#include <iostream>
#include <memory>
#include <optional>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "app/progress_bar.hpp"
#include "app/scenario_run.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::app {

namespace {

struct RunOptions {
  std::string scenario, out;
  std::optional<std::uint64_t> seed;
  std::optional<std::int32_t> ticks;
  std::vector<std::string> sets;
  unsigned threads = 1;
  int pilot_replications = 10;
  bool force = false, quiet = false, keep_exited_slots = false;
};

int run(const RunOptions& o) {
  // --seed and --ticks are overrides like any other, so the schema's ranges apply to them too.
  auto sets = o.sets;
  if (o.seed) sets.push_back("seed=" + std::to_string(*o.seed));
  if (o.ticks) sets.push_back("ticks=" + std::to_string(*o.ticks));
  auto loaded = scenarios::load_scenario_file(o.scenario, sets);
  if (!loaded.scenario) return report_problems(loaded.problems);
  const scenarios::Scenario s = *loaded.scenario;

  auto dir = open_output_directory(o.out, o.force, {o.scenario});
  if (!dir) return 2;
  ProgressBar bar("run " + s.name);
  RunInstruments instruments;
  instruments.keep_exited_slots = o.keep_exited_slots;
  run_scenario_into(
      s, dir->staging(), {o.scenario, o.sets}, o.threads,
      [&](std::int32_t t, std::int32_t n) {
        if (!o.quiet) bar.update(t, n);
        check_interrupted();
      },
      o.pilot_replications, &instruments);
  check_interrupted();
  dir->commit();
  if (!o.quiet) std::cerr << "wrote " << o.out << "\n";
  return 0;
}

}  // namespace

Command add_run_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", "Run one scenario and write a run directory");
  cmd->add_option("scenario", o->scenario, "Scenario JSON file")->required();
  cmd->add_option("--out,-o", o->out, "Output directory (written atomically)")->required();
  cmd->add_option("--seed", o->seed, "Master seed (overrides the scenario's)")->check(seed_validator());
  cmd->add_option("--ticks", o->ticks, "Months to simulate (overrides the scenario's)");
  cmd->add_option("--set", o->sets,
                  "Override a scenario key: path=value (repeatable), e.g. mechanisms.trade.enabled=false");
  cmd->add_option("--threads,-j", o->threads, "Worker threads; results do not depend on it")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--pilot-replications", o->pilot_replications,
                  "With a pilot policy: with/without-pilot pairs (seeds seed, seed+1, ...) for the pilot's "
                  "true effect and its 95% CI")
      ->check(CLI::Range(1, 1000));
  cmd->add_flag("--force", o->force, "Replace an existing non-empty output directory");
  cmd->add_flag("--quiet,-q", o->quiet, "No progress bar or final message");
  cmd->add_flag("--keep-exited-slots", o->keep_exited_slots,
                "Keep exited firms' slots instead of compacting them away every 6 months: the same outputs, "
                "byte for byte, with more memory (a check of the compaction)");
  return {cmd, [o] { return run(*o); }};
}

}  // namespace vicsim::app
