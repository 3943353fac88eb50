#pragma once
/** @file Classroom mode: the presets list and the live policy sliders. The slider → scenario-key table
 * lives here and only here; a slider whose key the scenario schema lacks is left out. A moved slider is
 * applied as ordinary `--set path=value` overrides through scenarios::load_scenario, to the scenario the
 * model currently runs with, so only the key it names changes. */
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"

namespace vicsim::viz {

/** @brief A slider as designed: label, candidate scenario paths (the first present wins; "[*]" means
 * every element of an array, "[key=value]" the elements whose `key` is `value`), range and format. */
struct SliderSpec {
  std::string label;
  std::vector<std::string> paths;
  double min = 0.0, max = 1.0;
  const char* format = "%.2f";
};

/** @brief The designed sliders: voucher subsidy, infrastructure level, platform fee, spillover strength. */
const std::vector<SliderSpec>& classroom_slider_table();

/** @brief A slider available for a scenario: its spec, the path chosen and the scenario's value. */
struct ActiveSlider {
  SliderSpec spec;
  std::string path;
  double initial = 0.0;
};

/** @brief True if `path` (dots, [i], [*], [key=value]) names a number in `doc` (in every selected element).
 */
bool json_path_has_number(const nlohmann::json& doc, const std::string& path);

/** @brief The sliders whose keys exist in `resolved` (a scenario with every default filled in). */
std::vector<ActiveSlider> available_sliders(const nlohmann::json& resolved,
                                            const std::vector<SliderSpec>& table = classroom_slider_table());

/** @brief The `path=value` override for a slider value (the slider's own path; the --set resolver expands
 * "[*]" and "[key=value]"), or none when `doc` lacks the path. */
std::vector<std::string> slider_overrides(const ActiveSlider& s, double value, const nlohmann::json& doc);

/** @brief `current` with one slider moved to `value` and nothing else changed (the other sliders keep what
 * the model runs with); a scenario without the slider's key comes back unchanged. On a problem returns
 * nothing and says why in `error`. Pass the result to LiveSource::retune. */
std::optional<scenarios::Scenario> scenario_with_slider(const scenarios::Scenario& current,
                                                        const ActiveSlider& s, double value,
                                                        const std::string& file, std::string& error);

/** @brief Scenario files in `dir`: classroom*.json first, then the rest, each group sorted by name. */
std::vector<std::filesystem::path> list_presets(const std::filesystem::path& dir);

}  // namespace vicsim::viz
