#include "reports/report_generator.hpp"

#include "reports/atomic_file.hpp"
#include "reports/attribution_report.hpp"
#include "reports/calibration_report.hpp"
#include "reports/comparison_report.hpp"
#include "reports/report_input_error.hpp"
#include "reports/run_report.hpp"
#include "reports/sweep_report.hpp"
#include "reports/vega_assets.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;

SourceKind detect_source(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) throw ReportInputError(dir.string() + ": no such directory");
  if (!fs::is_directory(dir, ec)) throw ReportInputError(dir.string() + ": not a directory");
  if (fs::is_regular_file(dir / "comparison.csv")) return SourceKind::Comparison;
  if (fs::is_regular_file(dir / "results.csv")) return SourceKind::Sweep;
  // `vicsim attribute --out DIR` (a comparison directory may hold attribution results too: checked above).
  if (fs::is_regular_file(dir / "attribution.csv") && fs::is_regular_file(dir / "attribution.json"))
    return SourceKind::Attribution;
  if (fs::is_regular_file(dir / "calibrate.json") && fs::is_regular_file(dir / "trace.csv"))
    return SourceKind::Calibration;
  // A pilot program is a run whose regions.csv treats a region; write_report tells once it has read it.
  if (fs::is_regular_file(dir / "timeseries.csv")) return SourceKind::Run;
  throw ReportInputError(
      dir.string() +
      ": not a run, comparison, sweep, calibration or attribution directory (expected timeseries.csv, "
      "comparison.csv, results.csv, calibrate.json with trace.csv, or attribution.csv with "
      "attribution.json)");
}

const char* source_kind_name(SourceKind k) {
  switch (k) {
    case SourceKind::Run:
      return "run";
    case SourceKind::Pilot:
      return "pilot program";
    case SourceKind::Comparison:
      return "comparison";
    case SourceKind::Sweep:
      return "sweep";
    case SourceKind::Calibration:
      return "calibration";
    case SourceKind::Attribution:
      return "attribution";
  }
  return "unknown";
}

ReportResult write_report(const ReportContext& ctx) {
  ReportResult result;
  result.kind = detect_source(ctx.source);
  const VegaAssets assets = load_vega_assets();  // fail before any work if the libraries are missing
  HtmlDocument doc = [&] {
    switch (result.kind) {
      case SourceKind::Comparison:
        return comparison_report(ctx.source, ctx);
      case SourceKind::Sweep:
        return sweep_report(ctx.source, ctx);
      case SourceKind::Calibration:
        return calibration_report(ctx.source, ctx);
      case SourceKind::Attribution:
        return attribution_report(ctx.source, ctx);
      case SourceKind::Run:
      case SourceKind::Pilot:
        break;
    }
    const RunDirectory run = read_run_directory(ctx.source);
    if (is_pilot(run)) result.kind = SourceKind::Pilot;
    return run_report(run, ctx);
  }();
  const std::string html = doc.render(assets);
  result.charts = doc.charts();
  result.bytes = html.size();

  write_file_atomically(ctx.out, [&](std::ostream& f) { f << html; });
  return result;
}

}  // namespace vicsim::reports
