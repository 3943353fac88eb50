#include "scenarios/scenario_loader.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "agents/demography.hpp"
#include "scenarios/firms_csv.hpp"
#include "scenarios/json_file.hpp"
#include "scenarios/json_reader.hpp"
#include "scenarios/json_writer.hpp"
#include "scenarios/name_rules.hpp"
#include "scenarios/override_path.hpp"
#include "scenarios/scenario_extends.hpp"
#include "scenarios/scenario_schema.hpp"
#include "scenarios/world_builder.hpp"

namespace vicsim::scenarios {

void apply_override(nlohmann::json& doc, const std::string& assignment, const std::string& file,
                    Diagnostics& diag) {
  const std::string shown = "--set '" + excerpt(assignment, 80) + "'";
  const auto eq = assignment.find('=');
  // A selector's '=' sits inside brackets: the assignment's '=' is the first one outside them.
  std::size_t split = std::string::npos;
  for (std::size_t i = 0, depth = 0; i < assignment.size(); ++i) {
    if (assignment[i] == '[') ++depth;
    if (assignment[i] == ']' && depth > 0) --depth;
    if (assignment[i] == '=' && depth == 0) {
      split = i;
      break;
    }
  }
  if (split == std::string::npos) split = eq;  // an unclosed '[': the path parser says so
  if (eq == std::string::npos || split == 0) {
    diag.push_back({file, "", shown + ": expected path=value, e.g. mechanisms.trade.enabled=false"});
    return;
  }
  const std::string path = assignment.substr(0, split), text = assignment.substr(split + 1);
  // A malformed path is reported before the value is looked at.
  std::string error;
  if (!parse_override_path(path, error)) {
    diag.push_back({file, "", shown + ": malformed path: " + error});
    return;
  }
  nlohmann::json value;
  bool syntax_error = false;
  Diagnostics value_problems;
  if (auto v = parse_json_text(text, file, value_problems, shown + " value", &syntax_error)) {
    value = std::move(*v);
  } else if (syntax_error) {
    value = text;  // a bare word is a string
  } else {
    value_problems.back().path = path;
    diag.push_back(value_problems.back());
    return;
  }
  set_json_path(doc, path, value, file, shown, diag);
}

namespace {

std::string number(double x) { return nlohmann::json(x).dump(); }

/** Names become CSV cells, report labels and selector values: see name_rules.hpp. */
void check_names(const Scenario& s, const std::string& file, Diagnostics& diag) {
  auto check = [&](const std::string& name, const std::string& path) {
    if (auto why = name_problem(name); !why.empty()) diag.push_back({file, path, why});
  };
  if (!s.name.empty()) check(s.name, "name");
  auto each = [&](const auto& items, const std::string& what) {
    for (std::size_t i = 0; i < items.size(); ++i)
      check(items[i].name, what + "[" + std::to_string(i) + "].name");
  };
  each(s.regions, "regions");
  each(s.industries, "industries");
  each(s.platforms, "platforms");
  each(s.policies, "policies");
  each(s.shocks, "shocks");
  for (std::size_t i = 0; i < s.industries.size(); ++i)
    for (std::size_t k = 0; k < s.industries[i].stages.size(); ++k)
      check(s.industries[i].stages[k],
            "industries[" + std::to_string(i) + "].stages[" + std::to_string(k) + "]");
}

/** Industries that buy from each other in a circle (a from b, b from a) are refused even when the stages
 * make an acyclic chain: the value chain is read upstream first across industries (docs/scenario-format.md).
 */
void check_industry_cycles(const Scenario& s, const std::string& file, Diagnostics& diag) {
  const std::size_t n = s.industries.size();
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(s.industries[i].name, i);
  std::vector<std::vector<std::size_t>> buys_from(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& c : s.industries[i].cross_inputs)
      if (auto it = index.find(c.from_industry); it != index.end() && it->second != i)
        buys_from[i].push_back(it->second);
  std::vector<int> state(n, 0);  // 0 new, 1 on the current path, 2 done
  std::vector<std::size_t> path;
  std::function<bool(std::size_t)> visit = [&](std::size_t i) {
    state[i] = 1;
    path.push_back(i);
    for (auto j : buys_from[i]) {
      if (state[j] == 1) {
        std::string cycle;
        auto from = std::find(path.begin(), path.end(), j);
        for (auto it = from; it != path.end(); ++it) cycle += "'" + s.industries[*it].name + "' <- ";
        cycle += "'" + s.industries[j].name + "'";
        diag.push_back({file, "industries[" + std::to_string(i) + "].cross_inputs",
                        "industries buy from each other in a cycle (" + cycle +
                            "); expected cross inputs that flow one way between industries"});
        return true;
      }
      if (state[j] == 0 && visit(j)) return true;
    }
    path.pop_back();
    state[i] = 2;
    return false;
  };
  for (std::size_t i = 0; i < n; ++i)
    if (state[i] == 0 && visit(i)) return;
}

}  // namespace

bool set_json_path(nlohmann::json& doc, const std::string& path, const nlohmann::json& value,
                   const std::string& file, const std::string& what, Diagnostics& diag) {
  std::string error;
  const auto steps = parse_override_path(path, error);
  if (!steps) {
    diag.push_back({file, "", what + ": malformed path: " + error});
    return false;
  }
  std::string where;
  const auto nodes = select_nodes(doc, *steps, error, where);
  if (!nodes) {
    diag.push_back({file, where, what + ": " + error});
    return false;
  }
  for (nlohmann::json* node : *nodes) *node = value;
  return true;
}

void check_scenario(const Scenario& s, const std::string& file, Diagnostics& diag) {
  check_names(s, file, diag);  // first: the messages below quote names
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
  // A region where a worker costs nothing gives its first-stage firms a unit cost and price of 0 (7.2),
  // and every share of revenue they enter is then 0/0.
  for (std::size_t r = 0; r < s.regions.size(); ++r)
    if (!(s.regions[r].labour_cost + s.regions[r].land_cost > 0.0))
      diag.push_back({file, "regions[" + std::to_string(r) + "].labour_cost",
                      "expected labour_cost + land_cost > 0 (a worker must cost something), got both 0"});
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

  for (std::size_t i = 0; i < s.industries.size(); ++i)
    for (const auto& [name, value] : s.industries[i].relatedness) {
      const std::string path = "industries[" + std::to_string(i) + "].relatedness." + name;
      auto it = std::find(industry_names.begin(), industry_names.end(), name);
      if (it == industry_names.end()) {
        std::string msg = "unknown industry '" + name + "'";
        if (auto m = closest_match(name, industry_names); !m.empty()) msg += " (did you mean '" + m + "'?)";
        diag.push_back({file, path, msg});
      } else if (name == s.industries[i].name) {
        diag.push_back({file, path,
                        "an industry's relatedness to itself is 1 by definition; expected other "
                        "industries only"});
      } else {
        // Symmetric: if both sides declare the pair they must agree (declared once on the lower index).
        const auto j = static_cast<std::size_t>(it - industry_names.begin());
        const auto& other = s.industries[j].relatedness;
        if (auto o = other.find(s.industries[i].name); o != other.end() && j > i && o->second != value)
          diag.push_back({file, path,
                          "relatedness is symmetric: expected the value of industries[" + std::to_string(j) +
                              "].relatedness." + s.industries[i].name + " (" + number(o->second) +
                              "), found " + number(value)});
      }
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
  check_industry_cycles(s, file, diag);
  const auto& m = s.mechanisms;
  if (m.adoption.threshold_min > m.adoption.threshold_max)
    diag.push_back({file, "mechanisms.adoption.threshold_min",
                    "must not exceed mechanisms.adoption.threshold_max (" + number(m.adoption.threshold_max) +
                        "), got " + number(m.adoption.threshold_min)});
  if (m.infrastructure.bandwidth_min_mbps > m.infrastructure.bandwidth_max_mbps)
    diag.push_back({file, "mechanisms.infrastructure.bandwidth_min_mbps",
                    "must not exceed mechanisms.infrastructure.bandwidth_max_mbps (" +
                        number(m.infrastructure.bandwidth_max_mbps) + "), got " +
                        number(m.infrastructure.bandwidth_min_mbps)});
  if (m.infrastructure.latency_min_ms > m.infrastructure.latency_max_ms)
    diag.push_back({file, "mechanisms.infrastructure.latency_min_ms",
                    "must not exceed mechanisms.infrastructure.latency_max_ms (" +
                        number(m.infrastructure.latency_max_ms) + "), got " +
                        number(m.infrastructure.latency_min_ms)});
  if (const auto cap = agents::firm_cap(m); m.population.count > cap)
    diag.push_back({file, "mechanisms.population.count",
                    "expected at most " + std::to_string(cap) +
                        " firms (mechanisms.demography.max_firms, or max_firm_growth x count), got " +
                        std::to_string(m.population.count)});
  const auto& pop = s.mechanisms.population;
  if (pop.size_max <= pop.size_min)
    diag.push_back({file, "mechanisms.population.size_max",
                    "must exceed mechanisms.population.size_min (" + std::to_string(pop.size_min) + ")"});
  if (s.mechanisms.demography.entrant_size_max <= pop.size_min)
    diag.push_back(
        {file, "mechanisms.demography.entrant_size_max", "must exceed mechanisms.population.size_min"});
}

namespace {

/** The firm register names known regions, industries and stages, and sets the population size: a count
 * written in the scenario must equal the register's rows; one left out is taken from them. */
void check_firm_register(Scenario& s, const nlohmann::json& doc, const std::string& file, Diagnostics& diag) {
  if (s.firms.empty()) return;
  const auto* pop =
      doc.contains("mechanisms") && doc["mechanisms"].is_object() && doc["mechanisms"].contains("population")
          ? &doc["mechanisms"]["population"]
          : nullptr;
  if (pop && pop->is_object() && pop->contains("count") && s.mechanisms.population.count != s.firms.size())
    diag.push_back({file, "mechanisms.population.count",
                    "expected the firm register's " + std::to_string(s.firms.size()) +
                        " rows (or no count), got " + std::to_string(s.mechanisms.population.count)});
  for (std::size_t k = 0; k < s.firms.size(); ++k)
    for (const auto& [key, message] : firm_problems(s.firms[k], s.regions, s.industries))
      diag.push_back({file, "firms[" + std::to_string(k) + "]." + key, message});
  s.mechanisms.population.count = static_cast<std::uint32_t>(s.firms.size());
}

}  // namespace

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
  if (r.problems.empty()) check_firm_register(s, doc, file, r.problems);
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
