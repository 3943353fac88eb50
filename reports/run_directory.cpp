#include "reports/run_directory.hpp"

#include <algorithm>
#include <fstream>

#include "reports/report_input_error.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;

nlohmann::json read_json_file(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw ReportInputError(file.string() + ": cannot open for reading");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw ReportInputError(file.string() + ": not valid JSON: " + e.what());
  }
}

RunDirectory read_run_directory(const fs::path& dir) {
  RunDirectory r{dir,
                 nlohmann::json::object(),
                 nlohmann::json::object(),
                 CsvTable::read(dir / "timeseries.csv"),
                 std::nullopt,
                 std::nullopt,
                 std::nullopt,
                 std::nullopt,
                 {}};
  if (!r.timeseries.has("tick"))
    throw ReportInputError((dir / "timeseries.csv").string() +
                           ": no 'tick' column (expected a vicsim time series)");
  if (r.timeseries.rows() == 0)  // a run writes at least month 1: this one is truncated or not a run's
    throw ReportInputError((dir / "timeseries.csv").string() + ": no rows (expected at least one month)");
  if (fs::exists(dir / "scenario.resolved.json")) r.resolved = read_json_file(dir / "scenario.resolved.json");
  if (fs::exists(dir / "summary.json")) r.summary = read_json_file(dir / "summary.json");
  if (fs::exists(dir / "regions.csv")) r.regions = CsvTable::read(dir / "regions.csv");
  if (fs::exists(dir / "policies.csv")) r.policies = CsvTable::read(dir / "policies.csv");
  if (fs::exists(dir / "platforms.csv")) r.platforms = CsvTable::read(dir / "platforms.csv");
  if (fs::exists(dir / "pilot_effect.csv")) r.pilot_effect = CsvTable::read(dir / "pilot_effect.csv");
  std::error_code ec;
  if (fs::is_directory(dir / "frames", ec))
    for (const auto& e : fs::directory_iterator(dir / "frames", ec))
      if (e.is_regular_file() && e.path().extension() == ".png") r.frames.push_back(e.path());
  std::sort(r.frames.begin(), r.frames.end());
  return r;
}

bool is_pilot(const RunDirectory& run) {
  if (!run.regions || !run.regions->has("treated")) return false;
  for (double t : run.regions->numbers("treated"))
    if (t > 0.5) return true;
  return false;
}

}  // namespace vicsim::reports
