#include "scenarios/firms_csv.hpp"

#include <algorithm>
#include <array>

#include "scenarios/csv_table.hpp"
#include "scenarios/json_reader.hpp"
#include "scenarios/scenario_schema.hpp"
#include "scenarios/world_builder.hpp"

namespace vicsim::scenarios {

namespace {

constexpr std::array<const char*, 4> kRequired{"region", "industry", "stage", "employees"};

/** The document's specs of one kind, for name checks; an entry the schema rejects is skipped (the loader
 * reports it later with its JSON path). */
template <class Spec>
std::vector<Spec> specs(const nlohmann::json& doc, const char* key) {
  std::vector<Spec> out;
  if (auto it = doc.find(key); it != doc.end() && it->is_array())
    for (const auto& item : *it) {
      Diagnostics ignored;
      Spec s;
      if (JsonReader::read(item, s, "", "", ignored) && ignored.empty()) out.push_back(std::move(s));
    }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> firm_problems(const FirmSpec& f,
                                                               const std::vector<RegionSpec>& regions,
                                                               const std::vector<IndustrySpec>& industries) {
  std::vector<std::pair<std::string, std::string>> out;
  if (std::none_of(regions.begin(), regions.end(), [&](const auto& r) { return r.name == f.region; }))
    out.emplace_back("region", "expected a region of the scenario, got '" + f.region + "'");
  const auto ind =
      std::find_if(industries.begin(), industries.end(), [&](const auto& i) { return i.name == f.industry; });
  if (ind == industries.end())
    out.emplace_back("industry", "expected an industry of the scenario, got '" + f.industry + "'");
  else if (!stage_index(*ind, f.stage))
    out.emplace_back("stage", "expected a stage of '" + f.industry + "' (a name or an index 0-" +
                                  std::to_string(ind->stages.size() - 1) + "), got '" + f.stage + "'");
  // The same ceiling as drawn firms' sizes (population.size_max): a larger firm cannot be paid and exits
  // before month 1, which leaves a register that says nothing.
  if (!(f.employees > 0.0) || f.employees > 1e7)
    out.emplace_back("employees", "expected more than 0 and at most 1e7 workers, got " +
                                      nlohmann::json(f.employees).dump());
  if (f.productivity != -1.0 && !(f.productivity > 0.0))
    out.emplace_back("productivity",
                     "expected more than 0 (or -1: drawn), got " + nlohmann::json(f.productivity).dump());
  return out;
}

std::optional<nlohmann::json> read_firms_csv(const std::string& path, const nlohmann::json& scenario,
                                             Diagnostics& diag) {
  const std::size_t before = diag.size();
  auto table = read_csv_table(path, "region,industry,stage,employees", diag);
  if (!table) return std::nullopt;
  for (const char* key : kRequired)
    if (!table->column_of.count(key))
      diag.push_back({path, "row 1", std::string("expected a '") + key + "' column"});
  if (diag.size() != before) return std::nullopt;

  const auto regions = specs<RegionSpec>(scenario, "regions");
  const auto industries = specs<IndustrySpec>(scenario, "industries");
  const auto& header = table->rows[0];
  nlohmann::json firms = nlohmann::json::array();
  for (std::size_t r = 1; r < table->rows.size(); ++r) {
    if (!csv_row_usable(*table, r, path, diag)) continue;
    const auto& cells = table->rows[r];
    nlohmann::json firm = nlohmann::json::object();
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string& key = header[c];
      const bool name = key == "region" || key == "industry" || key == "stage";  // "2" is a stage, as text
      nlohmann::json v = csv_value(cells[c]);
      if (name && v.is_number()) v = v.dump();
      if (v.is_string() && v.get<std::string>().empty() && !name) continue;  // drawn
      firm[key] = std::move(v);
    }
    // The schema first (types, ranges, unknown columns), then the names; each problem points at its cell.
    Diagnostics row_problems;
    FirmSpec spec;
    JsonReader::read(firm, spec, "", path, row_problems);
    std::vector<std::pair<std::string, std::string>> problems;
    for (const auto& p : row_problems) problems.emplace_back(p.path, p.message);
    if (row_problems.empty() && !regions.empty() && !industries.empty())
      problems = firm_problems(spec, regions, industries);
    csv_report(*table, r, problems, path, diag);
    firms.push_back(std::move(firm));
  }
  if (firms.empty()) diag.push_back({path, "", "expected at least one firm row below the header"});
  if (diag.size() != before) return std::nullopt;
  return firms;
}

}  // namespace vicsim::scenarios
