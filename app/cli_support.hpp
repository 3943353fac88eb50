#pragma once
/** @file Helpers shared by the subcommands: interrupt handling, problem reporting, checked file writes. */
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "reports/output_directory.hpp"
#include "scenarios/diagnostics.hpp"

namespace vicsim::app {

/** @brief Set by SIGINT/SIGTERM; long loops poll it and throw Interrupted. */
extern std::atomic<bool> g_interrupted;

/** @brief Thrown out of a progress callback when the user interrupts; main turns it into exit code 130. */
struct Interrupted {};

/** @brief Throws Interrupted if a signal arrived. */
void check_interrupted();

/** @brief Prints every problem to stderr and returns exit code 2. */
int report_problems(const scenarios::Diagnostics& problems);

/** @brief Opens an output directory for atomic writing; on refusal prints why and returns null (exit 2). */
std::unique_ptr<reports::OutputDirectory> open_output_directory(const std::string& out, bool force);

/** @brief The bundled scenarios folder: ./scenarios if present, else the source tree's. */
std::filesystem::path scenarios_dir();

/** @brief Writes a file through fn and throws if the stream failed (disk full, permissions). */
void write_file(const std::filesystem::path& p, const std::function<void(std::ostream&)>& fn);

}  // namespace vicsim::app
