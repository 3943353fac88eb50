#pragma once
/** @file A CSV file read into memory, with columns looked up by name (RFC 4180 quoting). */
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vicsim::reports {

/** @brief A CSV table: a header and rows of text fields. Columns are always found by name, so new columns
 * in the producers' files do not break readers. Numbers read "NA", "nan" and empty fields as NaN. */
class CsvTable {
 public:
  /** @brief Reads a file; throws ReportInputError naming the file and line on a malformed table. */
  static CsvTable read(const std::filesystem::path& path);
  /** @brief Parses text; `source` names it in error messages. */
  static CsvTable parse(std::string_view text, const std::string& source);

  /** @brief The column names in file order. */
  const std::vector<std::string>& header() const { return header_; }
  /** @brief Number of data rows. */
  std::size_t rows() const { return rows_.size(); }
  /** @brief Whether the table has a column with this name. */
  bool has(std::string_view column) const { return index(column).has_value(); }
  /** @brief The position of a column, if present. */
  std::optional<std::size_t> index(std::string_view column) const;
  /** @brief The field text at (row, column position). */
  const std::string& text(std::size_t row, std::size_t col) const { return rows_[row][col]; }
  /** @brief The field at (row, column position) as a number (NaN if NA, empty or not a number). */
  double number(std::size_t row, std::size_t col) const;
  /** @brief A whole column as numbers; throws ReportInputError if the column is missing. */
  std::vector<double> numbers(std::string_view column) const;
  /** @brief A whole column as text; throws ReportInputError if the column is missing. */
  std::vector<std::string> texts(std::string_view column) const;
  /** @brief The position of a column; throws ReportInputError naming the file if it is missing. */
  std::size_t require(std::string_view column) const;
  /** @brief True if at least one field of the column is a number and every other one is NA or empty. */
  bool is_numeric(std::size_t col) const;
  /** @brief The file or label the table came from. */
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

/** @brief Parses a decimal number as written by vicsim, R or pandas; NaN for NA, empty or junk. */
double parse_number(std::string_view field);

/** @brief Like parse_number, but tells a missing value (NaN for empty, NA or NaN) from text that is not a
 * number (nullopt), for readers that must reject junk rather than read it as missing. */
std::optional<double> parse_number_strict(std::string_view field);

}  // namespace vicsim::reports
