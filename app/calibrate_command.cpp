// `vicsim calibrate`: fits scenario parameters to target KPIs (calibration_runner.hpp).
#include <memory>

#include "app/calibration_runner.hpp"
#include "app/commands.hpp"

namespace vicsim::app {

Command add_calibrate_command(CLI::App& app) {
  auto o = std::make_shared<CalibrateOptions>();
  auto* cmd = app.add_subcommand(
      "calibrate",
      "Fit scenario parameters to target KPIs with an NLopt derivative-free optimiser (common random "
      "numbers, refits on other seed blocks, 1-D profiles, Hessian at the optimum); resumable");
  cmd->add_option("calibration", o->calibration, "Calibration JSON file (docs/outputs.md, vicsim calibrate)")
      ->required();
  cmd->add_option("--out,-o", o->out, "Calibration directory (run again with the same command to resume)")
      ->required();
  cmd->add_option("--jobs,-j", o->jobs,
                  "Replication runs at a time (default: cores); results do not depend on it")
      ->check(CLI::Range(1, 1024));
  cmd->add_flag("--force", o->force, "Discard the calibration in the directory and start over");
  cmd->add_flag("--quiet,-q", o->quiet, "No progress bar or final message");
  return {cmd, [o] { return run_calibration(*o); }};
}

}  // namespace vicsim::app
