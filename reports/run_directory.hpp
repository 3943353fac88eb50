#pragma once
/** @file A run directory read back for reporting: resolved scenario, summary, time series and the optional
 * panels (regions.csv, policies.csv, platforms.csv), snapshots and frames. */
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "reports/csv_table.hpp"

namespace vicsim::reports {

/** @brief What a report can use from one run directory. */
struct RunDirectory {
  std::filesystem::path dir;
  nlohmann::json resolved;                    ///< scenario.resolved.json (empty object if absent)
  nlohmann::json summary;                     ///< summary.json (empty object if absent)
  CsvTable timeseries;                        ///< timeseries.csv
  std::optional<CsvTable> regions;            ///< regions.csv, written by pilot-program runs
  std::optional<CsvTable> policies;           ///< policies.csv, written when policies spend
  std::optional<CsvTable> platforms;          ///< platforms.csv, written when the scenario has platforms
  std::optional<CsvTable> pilot_effect;       ///< pilot_effect.csv: the pilot against a no-pilot twin run
  std::vector<std::filesystem::path> frames;  ///< frames/*.png from the headless visualizer, sorted
};

/** @brief Reads a run directory; throws ReportInputError if timeseries.csv is missing or malformed, or a
 * JSON file does not parse. */
RunDirectory read_run_directory(const std::filesystem::path& dir);

/** @brief Reads a JSON file; throws ReportInputError naming the file on a parse error. */
nlohmann::json read_json_file(const std::filesystem::path& file);

/** @brief True if the run's regions.csv marks a treated region: a pilot program (every run writes the
 * panel; only a pilot treats regions). */
bool is_pilot(const RunDirectory& run);

}  // namespace vicsim::reports
