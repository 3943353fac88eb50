#pragma once
/** @file `vicsim calibrate`: fits scenario parameters to target KPIs with an NLopt derivative-free
 * optimiser; every replication of every evaluation is `vicsim run` in its own child process (one SimGrid
 * Engine per process). Resumable: a restarted calibration replays the optimiser from trace.csv. The
 * directory layout is described in docs/outputs.md ("vicsim calibrate"), the method in docs/ODD.md 7.58. */
#include <optional>
#include <string>

namespace vicsim::app {

/** @brief The calibrate command's options. */
struct CalibrateOptions {
  std::string calibration;       ///< calibration JSON file
  std::string out;               ///< calibration directory
  std::optional<unsigned> jobs;  ///< concurrent replication runs (default: cores)
  bool force = false;  ///< discard the calibration in DIR (one with a calibrate.json) and start over
  bool quiet = false;
};

/** @brief Runs (or resumes) a calibration; returns the exit code. */
int run_calibration(const CalibrateOptions& o);

}  // namespace vicsim::app
