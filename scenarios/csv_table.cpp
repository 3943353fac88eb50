#include "scenarios/csv_table.hpp"

#include <string_view>

#include "scenarios/json_file.hpp"

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
    } catch (const nlohmann::json::exception&) {  // not JSON, or out of range (1e999): text to the reader
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

std::optional<CsvTable> read_csv_table(const std::string& path, const std::string& example,
                                       Diagnostics& diag) {
  const auto text = read_text_file(path, diag);
  if (!text) return std::nullopt;
  auto rows = parse_csv(*text, path, diag);
  if (!rows) return std::nullopt;
  if (rows->empty() || (*rows)[0].empty()) {
    diag.push_back({path, "row 1", "expected a header row naming the columns, e.g. " + example});
    return std::nullopt;
  }
  CsvTable t{std::move(*rows), {}};
  const auto& header = t.rows[0];
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string& h = header[c];
    if (h.empty())
      diag.push_back({path, csv_where(1, c + 1, ""), "expected a column name, got an empty cell"});
    else if (!t.column_of.emplace(h, c + 1).second)
      diag.push_back({path, csv_where(1, c + 1, h),
                      "duplicate column (first in column " + std::to_string(t.column_of[h]) + ")"});
  }
  return t;
}

bool csv_row_usable(const CsvTable& t, std::size_t r, const std::string& path, Diagnostics& diag) {
  const auto& cells = t.rows[r];
  if (cells.empty()) return false;  // a blank line
  if (cells.size() == t.rows[0].size()) return true;
  diag.push_back({path, "row " + std::to_string(r + 1),
                  "expected " + std::to_string(t.rows[0].size()) + " cells as in the header, got " +
                      std::to_string(cells.size())});
  return false;
}

void csv_report(const CsvTable& t, std::size_t r,
                const std::vector<std::pair<std::string, std::string>>& problems, const std::string& path,
                Diagnostics& diag) {
  for (const auto& [key, message] : problems) {
    auto it = t.column_of.find(key);
    diag.push_back({path,
                    it == t.column_of.end() ? "row " + std::to_string(r + 1) + " (" + key + ")"
                                            : csv_where(r + 1, it->second, key),
                    message});
  }
}

}  // namespace vicsim::scenarios
