#include "scenarios/mechanism_switches.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "agents/mechanism_registry.hpp"
#include "scenarios/diagnostics.hpp"
#include "scenarios/override_path.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::scenarios {

namespace {

void expand(const nlohmann::json& node, const std::vector<PathStep>& steps, std::size_t k,
            const std::string& at, std::vector<std::string>& out) {
  if (k == steps.size()) {
    out.push_back(at);
    return;
  }
  const PathStep& s = steps[k];
  switch (s.kind) {
    case PathStep::Kind::Key:
      if (node.is_object() && node.contains(s.key))
        expand(node.at(s.key), steps, k + 1, at.empty() ? s.key : at + "." + s.key, out);
      break;
    case PathStep::Kind::Index:
      if (node.is_array() && s.index < node.size())
        expand(node.at(s.index), steps, k + 1, at + "[" + std::to_string(s.index) + "]", out);
      break;
    case PathStep::Kind::All:
      if (node.is_array())
        for (std::size_t i = 0; i < node.size(); ++i)
          expand(node.at(i), steps, k + 1, at + "[" + std::to_string(i) + "]", out);
      break;
    case PathStep::Kind::Match:  // as --set selects, e.g. platforms[level=middle]
      if (node.is_array())
        for (std::size_t i = 0; i < node.size(); ++i)
          if (match_text(node.at(i), s.key) == s.value)
            expand(node.at(i), steps, k + 1, at + "[" + std::to_string(i) + "]", out);
      break;
    default:
      throw std::invalid_argument("mechanism switch paths use keys, [i], [*] and [key=value] only");
  }
}

/** The value at a concrete path, or null when absent. */
const nlohmann::json* value_at(const nlohmann::json& doc, const std::string& path) {
  std::string error;
  const auto steps = parse_override_path(path, error);
  if (!steps) return nullptr;
  const nlohmann::json* node = &doc;
  for (const auto& s : *steps) {
    if (s.kind == PathStep::Kind::Key && node->is_object() && node->contains(s.key))
      node = &node->at(s.key);
    else if (s.kind == PathStep::Kind::Index && node->is_array() && s.index < node->size())
      node = &node->at(s.index);
    else
      return nullptr;
  }
  return node;
}

/** A switch's off value in doc: JSON text, or "@PATH" for the value at PATH. */
nlohmann::json off_value(const nlohmann::json& doc, const agents::MechanismSwitch& sw) {
  const std::string off = sw.off;
  if (!off.empty() && off[0] == '@') {
    const auto* v = value_at(doc, off.substr(1));
    if (!v)
      throw std::invalid_argument(std::string("mechanism switch ") + sw.path + ": " + off + " not found");
    return *v;
  }
  return nlohmann::json::parse(off);
}

void add_member(GroupSwitch& g, const agents::Mechanism& m, const nlohmann::json& a,
                const nlohmann::json& b) {
  g.members.push_back(m.name);
  if (!mechanism_present(b, m.present_if)) return;  // absent in B: nothing to switch
  const bool present_in_a = mechanism_present(a, m.present_if);
  for (const auto& sw : m.switches)
    for (const auto& path : expand_path(b, sw.path)) {
      const auto* in_a = present_in_a ? value_at(a, path) : nullptr;
      g.assignments.push_back({path, in_a ? *in_a : off_value(b, sw), *value_at(b, path)});
    }
}

}  // namespace

bool GroupSwitch::differs() const {
  for (const auto& s : assignments)
    if (s.a_state != s.b_state) return true;
  return false;
}

std::vector<std::string> expand_path(const nlohmann::json& doc, const std::string& path) {
  std::string error;
  const auto steps = parse_override_path(path, error);
  if (!steps) throw std::invalid_argument("mechanism switch path " + path + ": " + error);
  std::vector<std::string> out;
  expand(doc, *steps, 0, "", out);
  return out;
}

bool mechanism_present(const nlohmann::json& doc, const char* present_if) {
  if (!present_if) return true;
  const std::string text = present_if;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto bar = text.find(" | ", start);
    const std::string alt = text.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    // "path=value": an '=' outside brackets (a [key=value] selector keeps its '=' inside them).
    std::size_t eq = std::string::npos;
    int depth = 0;
    for (std::size_t i = 0; i < alt.size(); ++i) {
      if (alt[i] == '[') ++depth;
      if (alt[i] == ']') --depth;
      if (alt[i] == '=' && depth == 0) eq = i;
    }
    const auto paths = expand_path(doc, alt.substr(0, eq));
    const std::string want = eq == std::string::npos ? "" : alt.substr(eq + 1);  // JSON text
    const bool holds = eq == std::string::npos
                           ? !paths.empty()
                           : std::any_of(paths.begin(), paths.end(), [&](const std::string& p) {
                               const auto* v = value_at(doc, p);
                               return v && v->dump() == want;
                             });
    if (holds) return true;
    if (bar == std::string::npos) break;
    start = bar + 3;
  }
  return false;
}

std::vector<GroupSwitch> group_switches(const nlohmann::json& a, const nlohmann::json& b,
                                        const std::vector<std::string>& specs) {
  const auto& table = agents::mechanism_registry();
  std::vector<GroupSwitch> out;
  if (specs.empty()) {
    for (const char* name : agents::mechanism_groups()) {
      GroupSwitch g{name, {}, {}};
      for (const auto& m : table)
        if (std::string(m.group) == name) add_member(g, m, a, b);
      if (g.differs()) out.push_back(std::move(g));
    }
    return out;
  }
  // Each registry entry belongs to one player at most, and labels are unique: an entry in two groups would
  // make its switch part of two players, and the coalitions would not mean what docs/ODD.md 7.41 says.
  std::map<const agents::Mechanism*, std::string> owner;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    GroupSwitch g{eq == std::string::npos ? spec : spec.substr(0, eq), {}, {}};
    for (const auto& earlier : out)
      if (earlier.name == g.name)
        throw std::invalid_argument("--groups " + spec + ": the label '" + g.name + "' is used twice");
    std::string rest = eq == std::string::npos ? spec : spec.substr(eq + 1);
    std::size_t start = 0;
    while (start <= rest.size()) {
      const auto plus = rest.find('+', start);
      const std::string name =
          rest.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
      bool found = false;
      for (const auto& m : table)
        if (name == m.group || name == m.name) {
          if (const auto [it, fresh] = owner.emplace(&m, spec); !fresh)
            throw std::invalid_argument("--groups " + spec + ": the mechanism '" + m.name +
                                        "' is already in '" + it->second +
                                        "'; each mechanism may be in one group only");
          add_member(g, m, a, b);
          found = true;
        }
      if (!found) {
        std::string known;
        for (const char* n : agents::mechanism_groups()) known += std::string(known.empty() ? "" : ", ") + n;
        throw std::invalid_argument("--groups " + spec + ": expected a mechanism group or entry name (" +
                                    known + "; entries: `vicsim schema --format mechanisms`), found '" +
                                    name + "'");
      }
      if (plus == std::string::npos) break;
      start = plus + 1;
    }
    out.push_back(std::move(g));
  }
  return out;
}

nlohmann::json coalition_document(const nlohmann::json& b, const std::vector<GroupSwitch>& groups,
                                  std::uint32_t coalition) {
  nlohmann::json doc = b;
  Diagnostics diag;
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (!((coalition >> g) & 1u))
      for (const auto& s : groups[g].assignments) set_json_path(doc, s.path, s.a_state, "", "switch", diag);
  if (!diag.empty()) throw std::invalid_argument("cannot switch a mechanism: " + diag.front().message);
  return doc;
}

}  // namespace vicsim::scenarios
