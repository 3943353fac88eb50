#include "scenarios/regions_csv.hpp"

#include "scenarios/json_reader.hpp"
#include "scenarios/scenario_schema.hpp"

namespace vicsim::scenarios {

std::optional<nlohmann::json> read_regions_csv(const std::string& path, Diagnostics& diag) {
  const std::size_t before = diag.size();
  auto table = read_csv_table(path, "name,x_km,y_km,infrastructure", diag);
  if (!table) return std::nullopt;
  const auto& header = table->rows[0];
  for (std::size_t c = 0; c < header.size(); ++c)
    if (header[c].rfind("endowment.", 0) == 0 && header[c].size() == 10)
      diag.push_back({path, csv_where(1, c + 1, header[c]), "expected endowment.<industry name>"});
  if (!table->column_of.count("name"))
    diag.push_back({path, "row 1", "expected a 'name' column (every region needs a unique name)"});
  if (diag.size() != before) return std::nullopt;

  nlohmann::json regions = nlohmann::json::array();
  for (std::size_t r = 1; r < table->rows.size(); ++r) {
    if (!csv_row_usable(*table, r, path, diag)) continue;
    const auto& cells = table->rows[r];
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
    std::vector<std::pair<std::string, std::string>> problems;
    for (const auto& p : row_problems) problems.emplace_back(p.path, p.message);
    csv_report(*table, r, problems, path, diag);
    regions.push_back(std::move(region));
  }
  if (regions.empty()) diag.push_back({path, "", "expected at least one region row below the header"});
  if (diag.size() != before) return std::nullopt;
  return regions;
}

}  // namespace vicsim::scenarios
