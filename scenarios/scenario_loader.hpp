#pragma once
/** @file Loading a scenario: read the file, apply --set overrides, read and validate into typed specs,
 * then check cross-references. Every problem is collected; nothing stops at the first. */
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/diagnostics.hpp"
#include "scenarios/scenario.hpp"

namespace vicsim::scenarios {

/** @brief The outcome of loading: a scenario when there were no problems, and the problems. */
struct LoadResult {
  std::optional<Scenario> scenario;
  Diagnostics problems;
};

/** @brief Applies one "path=value" override to a JSON document. The value is parsed as JSON when it
 * can be (numbers, true/false, arrays), otherwise taken as a string. Paths: see override_path.hpp (dots, [i],
 * [*], [key=value]). */
void apply_override(nlohmann::json& doc, const std::string& assignment, const std::string& file,
                    Diagnostics& diag);

/** @brief Reads, overrides, validates and checks a scenario document. */
LoadResult load_scenario(const nlohmann::json& doc, const std::string& file,
                         const std::vector<std::string>& overrides = {});

/** @brief Same, from a file on disk; reports unreadable files and JSON syntax errors with line and column. */
LoadResult load_scenario_file(const std::string& path, const std::vector<std::string>& overrides = {});

/** @brief Cross-reference checks on an already typed scenario (names, stages, cycles, sizes). */
void check_scenario(const Scenario& s, const std::string& file, Diagnostics& diag);

/** @brief The scenario as JSON with every default filled in. */
nlohmann::json to_json(const Scenario& s);

}  // namespace vicsim::scenarios
