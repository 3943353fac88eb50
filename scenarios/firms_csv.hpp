#pragma once
/** @file The initial firm register of a scenario ("firms") and its CSV form ("firms_csv"), e.g. exported
 * from a spreadsheet. Columns: region, industry, stage (name or 0-based index), employees, and optional
 * productivity, chain_master (0/1), digital_maturity; an empty optional cell is drawn as for a random firm.
 * Every problem in a CSV file names the file, the row and the column. */
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/diagnostics.hpp"
#include "scenarios/scenario.hpp"

namespace vicsim::scenarios {

/** @brief The rule for one register row against the scenario's regions and industries: (key, message) for
 * each problem (unknown region, industry or stage, employees not > 0, productivity not > 0). */
std::vector<std::pair<std::string, std::string>> firm_problems(const FirmSpec& f,
                                                               const std::vector<RegionSpec>& regions,
                                                               const std::vector<IndustrySpec>& industries);

/** @brief Reads `path` into a JSON array of register rows ("firms"), checked against the schema and, by
 * firm_problems, against the regions and industries of `scenario` (the document the CSV is resolved into);
 * on any problem appends it (file, "row R, column C (key)", what was expected and found) and returns
 * nothing. */
std::optional<nlohmann::json> read_firms_csv(const std::string& path, const nlohmann::json& scenario,
                                             Diagnostics& diag);

}  // namespace vicsim::scenarios
