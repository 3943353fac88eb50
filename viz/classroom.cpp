#include "viz/classroom.hpp"

#include <algorithm>
#include <cstdio>

#include "scenarios/override_path.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::viz {

namespace fs = std::filesystem;

namespace {

/** The numbers `path` (the --set path syntax) designates in `doc`, through the one resolver behind --set and
 * `overrides` (scenarios::select_nodes); empty when the path is malformed, selects nothing or reaches a
 * non-number. The resolver creates missing keys, so it walks a copy. */
std::vector<double> numbers_at(const nlohmann::json& doc, const std::string& path) {
  std::string error, where;
  const auto steps = scenarios::parse_override_path(path, error);
  if (!steps) return {};
  nlohmann::json copy = doc;
  const auto nodes = scenarios::select_nodes(copy, *steps, error, where);
  if (!nodes) return {};
  std::vector<double> out;
  for (const nlohmann::json* n : *nodes) {
    if (!n->is_number()) return {};
    out.push_back(n->get<double>());
  }
  return out;
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
  return !numbers_at(doc, path).empty();
}

std::vector<ActiveSlider> available_sliders(const nlohmann::json& resolved,
                                            const std::vector<SliderSpec>& table) {
  std::vector<ActiveSlider> out;
  for (const auto& spec : table)
    for (const auto& path : spec.paths) {
      const auto values = numbers_at(resolved, path);
      if (values.empty()) continue;
      const double v = std::clamp(values.front(), spec.min, spec.max);
      out.push_back({spec, path, v});
      break;
    }
  return out;
}

std::vector<std::string> slider_overrides(const ActiveSlider& s, double value, const nlohmann::json& doc) {
  if (numbers_at(doc, s.path).empty()) return {};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return {s.path + "=" + buf};  // the --set resolver expands [*] and [key=value] itself
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
