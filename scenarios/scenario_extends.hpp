#pragma once
/** @file Scenario authoring keys, resolved into a plain, fully expanded scenario document before it is read:
 * - "extends": a base scenario file (path relative to the extending file); chains allowed, cycles rejected;
 * - the extending file's other keys are applied to the base as a JSON Merge Patch (RFC 7396): objects merge
 *   key by key, arrays and values replace, null deletes a key;
 * - "overrides": {"path": value, ...} set after the merge, in key order, by the same path resolver as --set;
 * - "regions_csv": the regions array read from a CSV table (scenarios/regions_csv.hpp);
 * - "_notes": free text for the reader, ignored. */
#include <nlohmann/json.hpp>
#include <string>

#include "scenarios/diagnostics.hpp"

namespace vicsim::scenarios {

/** @brief The document with extends, overrides, regions_csv and _notes resolved. A document without them is
 * returned unchanged. Problems (unreadable base, cycle, bad override path, bad CSV) name the file that
 * caused them and are appended to `diag`. */
nlohmann::json resolve_scenario_document(const nlohmann::json& doc, const std::string& file,
                                         Diagnostics& diag);

}  // namespace vicsim::scenarios
