#pragma once
/** @file Generates a JSON Schema (draft 2020-12) of the scenario format from the describe() declarations in
 * scenario_schema.hpp, for editors (completion, hover text, checking) and external validators. */
#include <nlohmann/json.hpp>

namespace vicsim::scenarios {

/** @brief The scenario format as a JSON Schema: every key with its type, range, default and description
 * (with its unit), unknown keys rejected as the loader does, plus the authoring keys extends, overrides,
 * regions_csv, firms_csv and _notes (scenario_extends.hpp). A file with "extends" needs no other key. */
nlohmann::json scenario_json_schema();

}  // namespace vicsim::scenarios
