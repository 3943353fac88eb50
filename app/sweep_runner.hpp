#pragma once
/** @file `vicsim sweep`: every run of an experiment in its own child process, over local cores and MPI
 * ranks, resumable. The directory layout and the resume protocol are described in docs/experiments.md. */
#include <optional>
#include <string>

namespace vicsim::app {

/** @brief The sweep command's options. */
struct SweepOptions {
  std::string experiment;        ///< experiment JSON file
  std::string out;               ///< sweep directory
  std::optional<unsigned> jobs;  ///< concurrent runs per process (default: cores, or 1 per MPI rank)
  bool keep_runs = false;        ///< keep each run directory in DIR/runs/run_NNNNNN/
  bool force = false;            ///< discard the sweep in DIR (one with a sweep.json) and start over
  bool retry_failed = false;     ///< on resume, run failed runs again
  bool quiet = false;
};

/** @brief Runs (or resumes) a sweep; returns the exit code. */
int run_sweep(const SweepOptions& o);

}  // namespace vicsim::app
