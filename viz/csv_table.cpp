#include "viz/csv_table.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace vicsim::viz {

CsvTable CsvTable::parse(const std::string& text) {
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        row.push_back(std::move(cell));
        lines.push_back(std::move(row));
      }
      row.clear();
      cell.clear();
      any = false;
    } else {
      cell += c;
      any = true;
    }
  }
  if (any || !cell.empty()) {
    row.push_back(std::move(cell));
    lines.push_back(std::move(row));
  }
  CsvTable t;
  if (lines.empty()) return t;
  t.header_ = std::move(lines.front());
  t.rows_.assign(std::make_move_iterator(lines.begin() + 1), std::make_move_iterator(lines.end()));
  return t;
}

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  if (it == header_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header_.begin());
}

const std::string& CsvTable::cell(std::size_t row, std::size_t col) const {
  static const std::string empty;
  const auto& r = rows_.at(row);
  return col < r.size() ? r[col] : empty;
}

double CsvTable::number(std::size_t row, std::size_t col) const {
  const auto& s = cell(row, col);
  double v = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size())
    return std::numeric_limits<double>::quiet_NaN();
  return v;
}

}  // namespace vicsim::viz
