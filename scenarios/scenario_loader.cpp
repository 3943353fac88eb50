#include "scenarios/scenario_loader.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "scenarios/json_file.hpp"
#include "scenarios/json_reader.hpp"
#include "scenarios/json_writer.hpp"
#include "scenarios/scenario_extends.hpp"
#include "scenarios/scenario_schema.hpp"
#include "scenarios/world_builder.hpp"

namespace vicsim::scenarios {

namespace {

/** Splits "a.b[2].c" or "a.b.2.c" into tokens. */
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char ch : path) {
    if (ch == '.' || ch == '[' || ch == ']') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

bool is_index(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

bool set_json_path(nlohmann::json& doc, const std::string& path, const nlohmann::json& value,
                   const std::string& file, const std::string& what, Diagnostics& diag) {
  nlohmann::json* node = &doc;
  const auto parts = split_path(path);
  std::string walked;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const auto& p = parts[k];
    if (p == "-" && node->is_array()) {
      // As in JSON Patch (RFC 6902): "[-]" is the position after the last item, so it appends.
      walked += "[-]";
      node->push_back(nullptr);
      node = &node->back();
    } else if (is_index(p) && node->is_array()) {
      const auto i = std::stoul(p);
      walked += "[" + p + "]";
      if (i >= node->size()) {
        diag.push_back(
            {file, walked,
             what + ": index out of range (array has " + std::to_string(node->size()) + " items)"});
        return false;
      }
      node = &(*node)[i];
    } else {
      walked += (walked.empty() ? "" : ".") + p;
      if (node->is_null()) *node = nlohmann::json::object();
      if (!node->is_object()) {
        diag.push_back({file, walked, what + ": cannot descend into a " + std::string(node->type_name())});
        return false;
      }
      node = &(*node)[p];
    }
  }
  *node = value;
  return true;
}

void apply_override(nlohmann::json& doc, const std::string& assignment, const std::string& file,
                    Diagnostics& diag) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    diag.push_back(
        {file, "", "--set '" + assignment + "': expected path=value, e.g. mechanisms.trade.enabled=false"});
    return;
  }
  const std::string path = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error&) {
    value = text;  // a bare word is a string
  }
  set_json_path(doc, path, value, file, "--set", diag);
}

void check_scenario(const Scenario& s, const std::string& file, Diagnostics& diag) {
  auto unique = [&](const auto& items, const std::string& what) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (!seen.insert(items[i].name).second)
        diag.push_back(
            {file, what + "[" + std::to_string(i) + "].name", "duplicate name '" + items[i].name + "'"});
  };
  unique(s.regions, "regions");
  unique(s.industries, "industries");
  if (s.regions.size() > 60000) diag.push_back({file, "regions", "expected at most 60000 regions"});
  if (s.industries.size() > 250) diag.push_back({file, "industries", "expected at most 250 industries"});

  std::vector<std::string> industry_names;
  for (const auto& i : s.industries) industry_names.push_back(i.name);
  for (std::size_t r = 0; r < s.regions.size(); ++r)
    for (const auto& [name, value] : s.regions[r].endowment)
      if (std::find(industry_names.begin(), industry_names.end(), name) == industry_names.end()) {
        std::string msg = "unknown industry '" + name + "'";
        if (auto m = closest_match(name, industry_names); !m.empty()) msg += " (did you mean '" + m + "'?)";
        diag.push_back({file, "regions[" + std::to_string(r) + "].endowment." + name, msg});
      }

  for (std::size_t i = 0; i < s.industries.size(); ++i) {
    const auto& ind = s.industries[i];
    const std::string base = "industries[" + std::to_string(i) + "]";
    if (ind.stages.empty() || ind.stages.size() > 16)
      diag.push_back(
          {file, base + ".stages", "expected 1 to 16 stage names, got " + std::to_string(ind.stages.size())});
    std::set<std::string> st(ind.stages.begin(), ind.stages.end());
    if (st.size() != ind.stages.size())
      diag.push_back({file, base + ".stages", "stage names must be unique"});
    double share_by_stage[16] = {};
    for (std::size_t k = 0; k < ind.cross_inputs.size(); ++k) {
      const auto& c = ind.cross_inputs[k];
      const std::string cp = base + ".cross_inputs[" + std::to_string(k) + "]";
      auto from = std::find(industry_names.begin(), industry_names.end(), c.from_industry);
      if (from == industry_names.end()) {
        std::string msg = "unknown industry '" + c.from_industry + "'";
        if (auto m = closest_match(c.from_industry, industry_names); !m.empty())
          msg += " (did you mean '" + m + "'?)";
        diag.push_back({file, cp + ".from_industry", msg});
      } else {
        const auto& fs = s.industries[static_cast<std::size_t>(from - industry_names.begin())].stages;
        if (std::find(fs.begin(), fs.end(), c.from_stage) == fs.end())
          diag.push_back({file, cp + ".from_stage",
                          "'" + c.from_stage + "' is not a stage of industry '" + c.from_industry + "'"});
        if (c.from_industry == ind.name)
          diag.push_back({file, cp + ".from_industry", "a cross input must come from another industry"});
      }
      auto to = std::find(ind.stages.begin(), ind.stages.end(), c.to_stage);
      if (to == ind.stages.end())
        diag.push_back({file, cp + ".to_stage", "'" + c.to_stage + "' is not a stage of this industry"});
      else if (auto t = static_cast<std::size_t>(to - ind.stages.begin()); t < 16) {
        share_by_stage[t] += c.share;
        if (share_by_stage[t] >= 1.0)
          diag.push_back({file, cp + ".share",
                          "cross-input shares into stage '" + c.to_stage + "' must sum to less than 1"});
      }
    }
  }
  const auto& pop = s.mechanisms.population;
  if (pop.size_max <= pop.size_min)
    diag.push_back({file, "mechanisms.population.size_max",
                    "must exceed mechanisms.population.size_min (" + std::to_string(pop.size_min) + ")"});
  if (s.mechanisms.demography.entrant_size_max <= pop.size_min)
    diag.push_back(
        {file, "mechanisms.demography.entrant_size_max", "must exceed mechanisms.population.size_min"});
}

nlohmann::json to_json(const Scenario& s) {
  Scenario copy = s;
  return JsonWriter::write(copy);
}

LoadResult load_scenario(const nlohmann::json& input, const std::string& file,
                         const std::vector<std::string>& overrides) {
  LoadResult r;
  std::vector<ChainFile> chain;
  nlohmann::json doc = resolve_scenario_document(input, file, r.problems, &chain);
  if (!r.problems.empty()) return r;
  for (const auto& o : overrides) apply_override(doc, o, file, r.problems);
  Scenario s;
  JsonReader::read(doc, s, "", file, r.problems);
  if (r.problems.empty()) check_scenario(s, file, r.problems);
  if (r.problems.empty()) check_digital_specs(s, file, r.problems);
  if (r.problems.empty()) check_value_chain_acyclic(s, file, r.problems);
  std::vector<std::string> set_paths;  // a value set by --set is the command line's, not a base's
  for (const auto& o : overrides) set_paths.push_back(o.substr(0, o.find('=')));
  attribute_to_chain(r.problems, chain, set_paths);  // a bad value inherited from a base names the base
  if (r.problems.empty()) r.scenario = std::move(s);
  return r;
}

LoadResult load_scenario_file(const std::string& path, const std::vector<std::string>& overrides) {
  LoadResult r;
  auto doc = read_json_file(path, r.problems);
  if (!doc) return r;
  return load_scenario(*doc, path, overrides);
}

}  // namespace vicsim::scenarios
