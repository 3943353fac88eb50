// vicsim: the command-line front end. Exit codes: 0 success, 1 internal failure, 2 bad usage or input,
// 130 interrupted. Output errors (read-only or full location, a directory in use) are exit 2 naming the path.
// Each subcommand lives in its own <name>_command.cpp (see commands.hpp).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "app/allocator_policy.hpp"
#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "scenarios/diagnostics.hpp"
#include "sim/ledger.hpp"
#include "vicsim_version.hpp"

int main(int argc, char** argv) {
  using namespace vicsim;
  app::reexec_with_huge_page_heap(argv);  // first: the re-executed program starts here again
  app::use_own_mappings_for_large_buffers();
  app::install_interrupt_handlers();
  CLI::App cli{"vicsim: agent-based simulation of virtual industrial clusters"};
  cli.set_version_flag("--version", std::string("vicsim ") + kVersion + " (" + kGitHash + ")");
  cli.require_subcommand(1);

  const std::vector<app::Command> commands = {
      app::add_run_command(cli),       app::add_validate_command(cli),  app::add_schema_command(cli),
      app::add_compare_command(cli),   app::add_attribute_command(cli), app::add_sweep_command(cli),
      app::add_discover_command(cli),  app::add_view_command(cli),      app::add_report_command(cli),
      app::add_export_command(cli),    app::add_new_command(cli),       app::add_bench_command(cli),
      app::add_calibrate_command(cli),
  };

  // An unknown command word: CLI11 would say only "A subcommand is required" (or print the top-level help
  // for "WORD --help" with exit 0).
  if (argc >= 2 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const auto* sub : cli.get_subcommands([](const CLI::App*) { return true; }))
      names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::string msg = std::string("error: unknown command '") + argv[1] + "'";
      if (auto m = scenarios::closest_match(argv[1], names); !m.empty())
        msg += " (did you mean '" + m + "'?)";
      msg += "; expected one of:";
      for (const auto& n : names) msg += " " + n;
      const std::string word = argv[1];
      if (word == "sensitivity" || word == "morris" || word == "sobol")
        msg += "\n(sensitivity analyses are designs of vicsim sweep: morris, sobol; see vicsim sweep --help)";
      if (word == "prim") msg += "\n(PRIM scenario discovery is vicsim discover)";
      std::cerr << msg << "\n";
      return 2;
    }
  }
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = cli.exit(e);
    return rc == 0 ? 0 : 2;
  }
  try {
    for (const auto& c : commands)
      if (*c.cli) return c.run();
  } catch (const sim::StockFlowViolation& e) {
    // The model's accounting identities failed (docs/ODD.md 7.28): a model defect, not bad input.
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  } catch (const app::Interrupted&) {
    std::cerr << "\ninterrupted: no output written\n";
    return 130;
  } catch (const app::UserError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const reports::OutputError& e) {  // names the path
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const std::filesystem::filesystem_error& e) {  // a location that cannot be read or written
    std::cerr << "error: " << e.path1().string() << ": " << e.code().message() << " (" << e.what() << ")\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
