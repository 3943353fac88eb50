#include "scenarios/regions_csv.hpp"

#include <map>

#include "scenarios/json_file.hpp"
#include "scenarios/json_reader.hpp"
#include "scenarios/scenario_schema.hpp"

namespace vicsim::scenarios {

std::optional<nlohmann::json> read_regions_csv(const std::string& path, Diagnostics& diag) {
  const auto text = read_text_file(path, diag);
  if (!text) return std::nullopt;
  const std::size_t before = diag.size();
  auto rows = parse_csv(*text, path, diag);
  if (!rows) return std::nullopt;
  if (rows->empty() || (*rows)[0].empty()) {
    diag.push_back(
        {path, "row 1", "expected a header row naming the columns, e.g. name,x_km,y_km,infrastructure"});
    return std::nullopt;
  }
  const auto& header = (*rows)[0];
  std::map<std::string, std::size_t> column_of;  // key path -> 1-based column
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string& h = header[c];
    if (h.empty()) {
      diag.push_back({path, csv_where(1, c + 1, ""), "expected a column name, got an empty cell"});
    } else if (!column_of.emplace(h, c + 1).second) {
      diag.push_back({path, csv_where(1, c + 1, h),
                      "duplicate column (first in column " + std::to_string(column_of[h]) + ")"});
    } else if (h.rfind("endowment.", 0) == 0 && h.size() == 10) {
      diag.push_back({path, csv_where(1, c + 1, h), "expected endowment.<industry name>"});
    }
  }
  if (!column_of.count("name"))
    diag.push_back({path, "row 1", "expected a 'name' column (every region needs a unique name)"});
  if (diag.size() != before) return std::nullopt;

  nlohmann::json regions = nlohmann::json::array();
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const auto& cells = (*rows)[r];
    const std::size_t row_no = r + 1;
    if (cells.empty()) continue;  // blank line
    if (cells.size() != header.size()) {
      diag.push_back({path, "row " + std::to_string(row_no),
                      "expected " + std::to_string(header.size()) + " cells as in the header, got " +
                          std::to_string(cells.size())});
      continue;
    }
    nlohmann::json region = nlohmann::json::object();
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string& key = header[c];
      nlohmann::json v = key == "name" ? nlohmann::json(cells[c]) : csv_value(cells[c]);
      if (v.is_string() && v.get<std::string>().empty() && key != "name") continue;  // default
      if (key.rfind("endowment.", 0) == 0)
        region["endowment"][key.substr(10)] = std::move(v);
      else
        region[key] = std::move(v);
    }
    // Validate the row against the region schema, then point each problem at its cell.
    Diagnostics row_problems;
    RegionSpec spec;
    JsonReader::read(region, spec, "", path, row_problems);
    for (const auto& p : row_problems) {
      auto it = column_of.find(p.path);
      const std::size_t col = it == column_of.end() ? 0 : it->second;
      diag.push_back(
          {path, col ? csv_where(row_no, col, p.path) : "row " + std::to_string(row_no) + " (" + p.path + ")",
           p.message});
    }
    regions.push_back(std::move(region));
  }
  if (regions.empty()) diag.push_back({path, "", "expected at least one region row below the header"});
  if (diag.size() != before) return std::nullopt;
  return regions;
}

}  // namespace vicsim::scenarios
