#include "viz/classroom.hpp"

#include <algorithm>
#include <cstdio>

#include "scenarios/scenario_loader.hpp"

namespace vicsim::viz {

namespace fs = std::filesystem;

namespace {

/** Splits "a.b[2].c[*]" into a, b, [2], c, [*]. */
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '.' || c == '[') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
      if (c == '[') {
        const auto close = path.find(']', i);
        parts.push_back(path.substr(i, close - i + 1));
        i = close == std::string::npos ? path.size() : close;
      }
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

/** Expands "[*]" and "[key=value]" into concrete paths over `doc`; a path that does not resolve marks
 * the result incomplete. */
void expand(const nlohmann::json& node, const std::vector<std::string>& parts, std::size_t k,
            const std::string& prefix, std::vector<std::string>& out, bool& complete) {
  if (k == parts.size()) {
    if (node.is_number()) {
      out.push_back(prefix);
    } else {
      complete = false;
    }
    return;
  }
  const auto& p = parts[k];
  if (p == "[*]" || (p.front() == '[' && p.find('=') != std::string::npos)) {
    // Every element, or the elements whose member `key` equals `value` in "[key=value]".
    if (!node.is_array() || node.empty()) {
      complete = false;
      return;
    }
    const auto eq = p.find('=');
    const std::string key = eq == std::string::npos ? "" : p.substr(1, eq - 1);
    const std::string value = eq == std::string::npos ? "" : p.substr(eq + 1, p.size() - eq - 2);
    std::size_t matched = 0;
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (!key.empty() && !(node[i].is_object() && node[i].contains(key) && node[i][key] == value)) continue;
      ++matched;
      expand(node[i], parts, k + 1, prefix + "[" + std::to_string(i) + "]", out, complete);
    }
    if (matched == 0) complete = false;
  } else if (p.front() == '[') {
    const auto i = std::stoul(p.substr(1, p.size() - 2));
    if (!node.is_array() || i >= node.size()) {
      complete = false;
      return;
    }
    expand(node[i], parts, k + 1, prefix + p, out, complete);
  } else {
    if (!node.is_object() || !node.contains(p)) {
      complete = false;
      return;
    }
    expand(node[p], parts, k + 1, prefix.empty() ? p : prefix + "." + p, out, complete);
  }
}

std::vector<std::string> concrete_paths(const nlohmann::json& doc, const std::string& path, bool& complete) {
  std::vector<std::string> out;
  complete = true;
  expand(doc, split_path(path), 0, "", out, complete);
  return out;
}

double value_at(const nlohmann::json& doc, const std::string& concrete) {
  const nlohmann::json* node = &doc;
  for (const auto& p : split_path(concrete))
    node = p.front() == '[' ? &(*node)[std::stoul(p.substr(1, p.size() - 2))] : &(*node)[p];
  return node->get<double>();
}

}  // namespace

const std::vector<SliderSpec>& classroom_slider_table() {
  // Candidate keys per slider, most specific first. A slider whose key a scenario lacks is not offered
  // (no voucher policy: no voucher slider; no platforms: no fee slider).
  static const std::vector<SliderSpec> table = {
      {"Cloud voucher subsidy (share of cost)",
       {"policies[instrument=cloud_voucher].subsidy_share"},
       0.0,
       1.0,
       "%.2f"},
      {"Infrastructure level (all regions)", {"regions[*].infrastructure"}, 0.0, 1.0, "%.2f"},
      {"Platform fee (all platforms)", {"platforms[*].transaction_fee"}, 0.0, 0.2, "%.3f"},
      {"Spillover strength (imitation rate)", {"mechanisms.knowledge.imitation_rate"}, 0.0, 0.2, "%.3f"},
  };
  return table;
}

bool json_path_has_number(const nlohmann::json& doc, const std::string& path) {
  bool complete = true;
  const auto paths = concrete_paths(doc, path, complete);
  return complete && !paths.empty();
}

std::vector<ActiveSlider> available_sliders(const nlohmann::json& resolved,
                                            const std::vector<SliderSpec>& table) {
  std::vector<ActiveSlider> out;
  for (const auto& spec : table)
    for (const auto& path : spec.paths) {
      bool complete = true;
      const auto concrete = concrete_paths(resolved, path, complete);
      if (!complete || concrete.empty()) continue;
      const double v = std::clamp(value_at(resolved, concrete.front()), spec.min, spec.max);
      out.push_back({spec, path, v});
      break;
    }
  return out;
}

std::vector<std::string> slider_overrides(const ActiveSlider& s, double value, const nlohmann::json& doc) {
  bool complete = true;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  std::vector<std::string> out;
  for (const auto& p : concrete_paths(doc, s.path, complete)) out.push_back(p + "=" + buf);
  return out;
}

std::optional<scenarios::Scenario> scenario_with_slider(const scenarios::Scenario& current,
                                                        const ActiveSlider& s, double value,
                                                        const std::string& file, std::string& error) {
  const auto doc = scenarios::to_json(current);
  const auto sets = slider_overrides(s, value, doc);
  if (sets.empty()) return current;
  auto r = scenarios::load_scenario(doc, file, sets);
  if (!r.scenario) {
    error = r.problems.empty() ? std::string("?") : r.problems.front().message;
    return std::nullopt;
  }
  return r.scenario;
}

std::vector<fs::path> list_presets(const fs::path& dir) {
  std::vector<fs::path> classroom, other;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return {};
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    (e.path().filename().string().rfind("classroom", 0) == 0 ? classroom : other).push_back(e.path());
  }
  std::sort(classroom.begin(), classroom.end());
  std::sort(other.begin(), other.end());
  classroom.insert(classroom.end(), other.begin(), other.end());
  return classroom;
}

}  // namespace vicsim::viz
