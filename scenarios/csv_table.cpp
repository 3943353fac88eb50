#include "scenarios/csv_table.hpp"

#include <string_view>

namespace vicsim::scenarios {

std::string csv_where(std::size_t row, std::size_t col, const std::string& key) {
  return "row " + std::to_string(row) + ", column " + std::to_string(col) +
         (key.empty() ? "" : " (" + key + ")");
}

// A cell that is a whole JSON number becomes a number; anything else stays text, for the reader to judge. */
nlohmann::json csv_value(const std::string& cell) {
  const auto first = cell.find_first_not_of(" \t");
  const auto last = cell.find_last_not_of(" \t");
  const std::string t = first == std::string::npos ? "" : cell.substr(first, last - first + 1);
  if (!t.empty() && (t[0] == '-' || (t[0] >= '0' && t[0] <= '9'))) {
    try {
      auto v = nlohmann::json::parse(t);
      if (v.is_number()) return v;
    } catch (const nlohmann::json::parse_error&) {
    }
  }
  return t;
}

std::optional<std::vector<std::vector<std::string>>> parse_csv(const std::string& text_in,
                                                               const std::string& file, Diagnostics& diag) {
  std::string_view text(text_in);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  std::size_t line = 1, row_line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
        if (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '\n' && text[i + 1] != '\r') {
          diag.push_back({file, "row " + std::to_string(row_line),
                          "expected a comma or the end of the line after a closing quote, got '" +
                              std::string(1, text[i + 1]) + "'"});
          return std::nullopt;
        }
      } else {
        if (ch == '\n') ++line;
        cell += ch;
      }
      continue;
    }
    if (ch == '"' && cell.empty()) {
      quoted = any = true;
    } else if (ch == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
      } else {
        rows.emplace_back();  // a blank line keeps its number
      }
      row.clear();
      cell.clear();
      any = false;
      row_line = ++line;
    } else {
      cell += ch;
      any = true;
    }
  }
  if (quoted) {
    diag.push_back(
        {file, "row " + std::to_string(row_line), "a quoted cell is not closed by the end of the file"});
    return std::nullopt;
  }
  if (any || !cell.empty()) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace vicsim::scenarios
