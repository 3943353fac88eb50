#pragma once
/** @file Reading a table exported from a spreadsheet (CSV), shared by the regions_csv and firms_csv readers.
 */
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
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

/** @brief A CSV file read as a table: its rows (row 1 is the header) and each header name's 1-based column.
 */
struct CsvTable {
  std::vector<std::vector<std::string>> rows;
  std::map<std::string, std::size_t> column_of;
};

/** @brief Reads `path` (bounded) as a table with a header row. Appends a problem for an unreadable file, a
 * malformed quote or a missing header (`example` shows one), and then returns nothing; and for an empty or
 * duplicate column name, returning the table so that the caller can report its own column problems too. */
std::optional<CsvTable> read_csv_table(const std::string& path, const std::string& example,
                                       Diagnostics& diag);

/** @brief True if data row `r` (0-based index into rows) is to be read: false for a blank line, and for a
 * row whose cell count differs from the header's (a problem naming the row is appended). */
bool csv_row_usable(const CsvTable& t, std::size_t r, const std::string& path, Diagnostics& diag);

/** @brief Appends each (key, message) of data row `r` as a problem at its cell, "row R, column C (key)",
 * or "row R (key)" for a key without a column. */
void csv_report(const CsvTable& t, std::size_t r,
                const std::vector<std::pair<std::string, std::string>>& problems, const std::string& path,
                Diagnostics& diag);

}  // namespace vicsim::scenarios
