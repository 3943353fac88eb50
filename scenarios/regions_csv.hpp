#pragma once
/** @file The regions table of a scenario from a CSV file ("regions_csv"), e.g. exported from a spreadsheet.
 * The header names region keys (name, x_km, y_km, internal_km, infrastructure, labour_cost, land_cost,
 * relocation_barrier) and endowments as endowment.<industry>; one row per region; an empty cell keeps the
 * key's default. Every problem names the CSV file, the row and the column. */
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "scenarios/csv_table.hpp"
#include "scenarios/diagnostics.hpp"

namespace vicsim::scenarios {

/** @brief Reads `path` into a JSON array of region objects, validated against the region schema; on any
 * problem appends it (file, "row R, column C (key)", what was expected and found) and returns nothing. */
std::optional<nlohmann::json> read_regions_csv(const std::string& path, Diagnostics& diag);

}  // namespace vicsim::scenarios
