#pragma once
/** @file Helpers shared by the subcommands: interrupt handling, problem reporting, checked file writes. */
#include <CLI/CLI.hpp>
#include <atomic>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "reports/output_directory.hpp"
#include "scenarios/diagnostics.hpp"

namespace vicsim::app {

/** @brief Set by SIGINT/SIGTERM; long loops poll it and throw Interrupted. */
extern std::atomic<bool> g_interrupted;

/** @brief Thrown out of a progress callback when the user interrupts; main turns it into exit code 130. */
struct Interrupted {};

/** @brief Points SIGINT and SIGTERM at the handler that sets g_interrupted. Called at start-up and again
 * after a model is built: SimGrid's Engine installs its own SIGINT handler (it exits with code 1 and
 * leaves the staging directory behind). */
void install_interrupt_handlers();

/** @brief Throws Interrupted if a signal arrived. */
void check_interrupted();

/** @brief --seed's check: a decimal integer in [0, 2^64 - 1] (CLI11 alone would wrap "-1" to 2^64 - 1). */
CLI::Validator seed_validator();

/** @brief True, after printing "error: OPTION VALUE is given twice", when a repeated option's value repeats
 * (a second --at 3 would duplicate every row of the output, a second --groups split an effect in two). */
template <class T>
bool repeats(const std::vector<T>& values, const std::string& option) {
  for (std::size_t i = 0; i < values.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (values[i] == values[j]) {
        std::cerr << "error: " << option << " " << values[i] << " is given twice\n";
        return true;
      }
  return false;
}

/** @brief Prints every problem to stderr and returns exit code 2. */
int report_problems(const scenarios::Diagnostics& problems);

/** @brief Opens an output directory for atomic writing; on refusal prints why and returns null (exit 2). */
std::unique_ptr<reports::OutputDirectory> open_output_directory(
    const std::string& out, bool force, const std::vector<std::filesystem::path>& inputs = {});

/** @brief The bundled scenarios folder: ./scenarios if present, else the source tree's. */
std::filesystem::path scenarios_dir();

/** @brief A problem with the input or the environment found while working (a run stopped by a hard limit, a
 * child run that failed on its input or output): main prints it and exits 2, not 1. */
struct UserError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief Writes a file through fn and throws reports::OutputError naming it if the stream failed (disk
 * full, permissions). */
void write_file(const std::filesystem::path& p, const std::function<void(std::ostream&)>& fn);

}  // namespace vicsim::app
