// `vicsim report DIR --out FILE.html`: one self-contained HTML report of a run, pilot, comparison, sweep,
// calibration or attribution directory.
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "reports/provenance.hpp"
#include "reports/report_generator.hpp"
#include "reports/report_input_error.hpp"
#include "reports/vega_assets.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  std::string source, out;
  bool force = false, quiet = false;
};

int report(const ReportOptions& o) {
  reports::ReportContext ctx;
  ctx.source = o.source;
  ctx.out = o.out;
  ctx.command = "vicsim report " + reports::shell_quote(o.source) + " --out " + reports::shell_quote(o.out);
  ctx.generated_at = reports::report_timestamp();
  std::error_code ec;
  if (fs::is_directory(ctx.out, ec)) {
    std::cerr << "error: " << o.out << ": is a directory (expected an HTML file name)\n";
    return 2;
  }
  if (const fs::path parent = ctx.out.parent_path(); !parent.empty() && !fs::is_directory(parent, ec)) {
    std::cerr << "error: " << o.out << ": directory " << parent.string() << " does not exist\n";
    return 2;
  }
  if (fs::exists(ctx.out, ec) && !o.force) {
    std::cerr << "error: " << o.out << ": file exists (use --force to replace it)\n";
    return 2;
  }
  try {
    const auto r = reports::write_report(ctx);
    if (!o.quiet)
      std::cerr << "wrote " << o.out << ": " << reports::source_kind_name(r.kind) << " report, " << r.charts
                << " charts, " << (r.bytes + 1023) / 1024 << " KiB\n";
  } catch (const reports::ReportInputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const reports::VegaAssetsMissing& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand(
      "report",
      "Write one self-contained HTML report of a run, pilot-program run, comparison, sweep, calibration or "
      "attribution directory");
  cmd->add_option("dir", o->source, "Run, comparison, sweep, calibration or attribution directory")
      ->required();
  cmd->add_option("--out,-o", o->out, "HTML file to write (atomically)")->required();
  cmd->add_flag("--force", o->force, "Replace an existing file");
  cmd->add_flag("--quiet,-q", o->quiet, "No final message");
  return {cmd, [o] { return report(*o); }};
}

}  // namespace vicsim::app
