#include "experiments/csv_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace vicsim::experiments {

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

namespace {

/** Reads one record; returns false at end of input. */
bool read_record(std::istream& in, std::vector<std::string>& fields, std::size_t& line) {
  fields.clear();
  if (in.peek() == std::char_traits<char>::eof()) return false;
  std::string field;
  bool quoted = false, was_quoted = false;
  char c;
  while (in.get(c)) {
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          in.get(c);
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (quoted) throw CsvError("line " + std::to_string(line) + ": unterminated quoted field");
  fields.push_back(std::move(field));
  return true;
}

}  // namespace

CsvTable read_csv(std::istream& in) {
  CsvTable t;
  std::size_t line = 1;
  if (!read_record(in, t.header, line)) throw CsvError("empty file: expected a header line");
  std::vector<std::string> fields;
  while (true) {
    const std::size_t at = line;
    if (!read_record(in, fields, line)) break;
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != t.header.size())
      throw CsvError("line " + std::to_string(at) + ": expected " + std::to_string(t.header.size()) +
                     " fields, got " + std::to_string(fields.size()));
    t.rows.push_back(fields);
  }
  return t;
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty() || text == "NA" || text == "NaN" || text == "nan") return std::nan("");
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

}  // namespace vicsim::experiments
