#pragma once
/** @file The subcommand registry: each subcommand lives in its own <name>_command.cpp and is added here. */
#include <CLI/CLI.hpp>
#include <functional>

namespace vicsim::app {

/** @brief A registered subcommand: its CLI11 node and the action run when it is chosen (returns the exit
 * code). */
struct Command {
  CLI::App* cli = nullptr;
  std::function<int()> run;
};

Command add_run_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_schema_command(CLI::App& app);
Command add_compare_command(CLI::App& app);
Command add_attribute_command(CLI::App& app);
Command add_sweep_command(CLI::App& app);
Command add_calibrate_command(CLI::App& app);
Command add_discover_command(CLI::App& app);
Command add_view_command(CLI::App& app);
Command add_report_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_new_command(CLI::App& app);
Command add_bench_command(CLI::App& app);

}  // namespace vicsim::app
