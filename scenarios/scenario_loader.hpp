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

/** @brief Sets the value at `path` in `doc`: the one resolver of scenario key paths, used by --set and by a
 * scenario's "overrides". Paths use dots and [i]; "[-]" appends to an array. Missing objects on the way are
 * created. On failure appends a problem (prefixed with `what`, e.g. "--set") and returns false. */
bool set_json_path(nlohmann::json& doc, const std::string& path, const nlohmann::json& value,
                   const std::string& file, const std::string& what, Diagnostics& diag);

/** @brief Applies one "path=value" override to a JSON document. The value is parsed as JSON when it
 * can be (numbers, true/false, arrays), otherwise taken as a string. Paths: see override_path.hpp (dots, [i],
 * [*], [key=value]). */
void apply_override(nlohmann::json& doc, const std::string& assignment, const std::string& file,
                    Diagnostics& diag);

/** @brief Resolves the document's authoring keys (extends, overrides, regions_csv, _notes; see
 * scenario_extends.hpp), then applies the --set overrides, validates and checks it. */
LoadResult load_scenario(const nlohmann::json& doc, const std::string& file,
                         const std::vector<std::string>& overrides = {});

/** @brief Same, from a file on disk; reports unreadable files and JSON syntax errors with line and column. */
LoadResult load_scenario_file(const std::string& path, const std::vector<std::string>& overrides = {});

/** @brief Cross-reference checks on an already typed scenario (names, stages, cycles, sizes). */
void check_scenario(const Scenario& s, const std::string& file, Diagnostics& diag);

/** @brief The scenario as JSON with every default filled in. */
nlohmann::json to_json(const Scenario& s);

}  // namespace vicsim::scenarios
