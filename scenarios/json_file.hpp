#pragma once
/** @file Reading a JSON document from disk, reporting unreadable files and syntax errors with line and
 * column (shared by the scenario and experiment loaders). */
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "scenarios/diagnostics.hpp"

namespace vicsim::scenarios {

/** @brief The bytes of the file at `path`, or nothing if it cannot be opened. */
std::optional<std::string> read_text_file(const std::string& path);

/** @brief Reads and parses `path`; on failure appends a problem to `diag` and returns nothing.
 * @param text if not null, receives the file's bytes (for fingerprints). */
std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diag,
                                             std::string* text = nullptr);

}  // namespace vicsim::scenarios
