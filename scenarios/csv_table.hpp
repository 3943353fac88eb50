#pragma once
/** @file Reading a table exported from a spreadsheet (CSV), shared by the regions_csv and firms_csv readers.
 */
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/diagnostics.hpp"

namespace vicsim::scenarios {

/** @brief Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and newlines).
 * Accepts LF or CRLF line ends and a UTF-8 byte-order mark. On a malformed quote appends a problem naming
 * `file` and the row, and returns nothing. */
std::optional<std::vector<std::vector<std::string>>> parse_csv(const std::string& text,
                                                               const std::string& file, Diagnostics& diag);

/** @brief Where a cell is, for messages: "row R, column C (key)" (1-based; no key: without the bracket). */
std::string csv_where(std::size_t row, std::size_t col, const std::string& key);

/** @brief A cell that is a whole JSON number as that number; anything else as its text without surrounding
 * blanks, for the schema reader to judge. */
nlohmann::json csv_value(const std::string& cell);

}  // namespace vicsim::scenarios
