#pragma once
/** @file A CSV table read by column name (RFC 4180 quoting), so readers never depend on column
 * positions. */
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "reports/csv_field.hpp"

namespace vicsim::experiments {

/** @brief Thrown for malformed CSV text. */
struct CsvError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief A whole CSV file: the header and the rows as text. */
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /** @brief The index of the column named `name`, if any. */
  std::optional<std::size_t> column(const std::string& name) const;
};

/** @brief Reads a CSV table; every row must have as many fields as the header. */
CsvTable read_csv(std::istream& in);

/** @brief Parses a CSV number ("NA", "NaN" and "" give NaN); nothing if it is not a number. */
std::optional<double> parse_number(const std::string& text);

using reports::csv_field;  ///< RFC 4180 quoting, shared with the run writers

}  // namespace vicsim::experiments
