#pragma once
/** @file A small RFC 4180 CSV reader for run outputs (timeseries.csv, firms.csv): columns by name. */
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace vicsim::viz {

/** @brief A CSV file held as text cells; the first line is the header. */
class CsvTable {
 public:
  /** @brief Parses CSV text (quoted fields with "" escapes and embedded commas or newlines). */
  static CsvTable parse(const std::string& text);

  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return rows_.size(); }
  /** @brief Index of a column, or nullopt if the header lacks it. */
  std::optional<std::size_t> column(const std::string& name) const;
  /** @brief Cell text ("" if the row is short). */
  const std::string& cell(std::size_t row, std::size_t col) const;
  /** @brief Cell as a number; NaN for empty, "NA" or unparsable cells. */
  double number(std::size_t row, std::size_t col) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace vicsim::viz
