#include "reports/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "reports/report_input_error.hpp"

namespace vicsim::reports {

namespace {

std::string_view trim(std::string_view f) {
  while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.remove_prefix(1);
  while (!f.empty() && (f.back() == ' ' || f.back() == '\t' || f.back() == '\r')) f.remove_suffix(1);
  return f;
}

}  // namespace

std::optional<double> parse_number_strict(std::string_view f) {
  f = trim(f);
  if (f.empty() || f == "NA") return std::numeric_limits<double>::quiet_NaN();
  if (f.front() == '+') f.remove_prefix(1);
  double x = 0;
  const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), x);
  if (ec != std::errc() || end != f.data() + f.size()) return std::nullopt;
  return x;
}

double parse_number(std::string_view f) {
  return parse_number_strict(f).value_or(std::numeric_limits<double>::quiet_NaN());
}

CsvTable CsvTable::read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReportInputError(path.string() + ": cannot open for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse(buf.str(), path.string());
}

CsvTable CsvTable::parse(std::string_view text, const std::string& source) {
  CsvTable t;
  t.source_ = source;
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, field_started = false;
  std::size_t line = 1;
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(record.size() == 1 && record[0].empty())) records.push_back(std::move(record));
    record.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n') {
      end_record();
      ++line;
    } else if (c != '\r') {
      field += c;
      field_started = true;
    }
  }
  if (quoted) throw ReportInputError(source + ": unterminated quoted field at end of file");
  if (!field.empty() || !record.empty()) end_record();
  if (records.empty()) throw ReportInputError(source + ": empty file (expected a CSV header line)");
  t.header_ = std::move(records.front());
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != t.header_.size())
      throw ReportInputError(source + ": data row " + std::to_string(r) + " has " +
                             std::to_string(records[r].size()) + " fields, the header has " +
                             std::to_string(t.header_.size()));
    t.rows_.push_back(std::move(records[r]));
  }
  return t;
}

std::optional<std::size_t> CsvTable::index(std::string_view column) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == column) return i;
  return std::nullopt;
}

std::size_t CsvTable::require(std::string_view column) const {
  if (auto i = index(column)) return *i;
  throw ReportInputError(source_ + ": no column '" + std::string(column) + "'");
}

double CsvTable::number(std::size_t row, std::size_t col) const { return parse_number(rows_[row][col]); }

std::vector<double> CsvTable::numbers(std::string_view column) const {
  const std::size_t c = require(column);
  std::vector<double> v(rows_.size());
  for (std::size_t r = 0; r < rows_.size(); ++r) v[r] = number(r, c);
  return v;
}

std::vector<std::string> CsvTable::texts(std::string_view column) const {
  const std::size_t c = require(column);
  std::vector<std::string> v(rows_.size());
  for (std::size_t r = 0; r < rows_.size(); ++r) v[r] = rows_[r][c];
  return v;
}

bool CsvTable::is_numeric(std::size_t col) const {
  bool any = false;
  for (const auto& row : rows_) {
    const std::string& f = row[col];
    if (f.empty() || f == "NA" || f == "nan" || f == "NaN") continue;
    if (std::isnan(parse_number(f))) return false;
    any = true;
  }
  return any;
}

}  // namespace vicsim::reports
