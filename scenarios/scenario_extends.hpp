#pragma once
/** @file Scenario authoring keys, resolved into a plain, fully expanded scenario document before it is read:
 * - "extends": a base scenario file (path relative to the extending file); chains allowed, cycles rejected;
 * - the extending file's other keys are applied to the base as a JSON Merge Patch (RFC 7396): objects merge
 *   key by key, arrays and values replace, null deletes a key;
 * - "overrides": {"path": value, ...} set after the merge, in key order, by the same path resolver as --set;
 * - "regions_csv": the regions array read from a CSV table (scenarios/regions_csv.hpp);
 * - "firms_csv": the firms array (initial firm register) read from a CSV table (scenarios/firms_csv.hpp);
 * - "_notes": free text for the reader, ignored. */
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenarios/diagnostics.hpp"

namespace vicsim::scenarios {

/** @brief A key that is resolved before a scenario is read (not part of the Scenario itself). */
struct AuthoringKey {
  const char* key;
  const char* type;  ///< as in the key reference: string, object, string or array of strings
  const char* description;
};

/** @brief The authoring keys, for the key reference and the JSON Schema (one description each). */
inline constexpr AuthoringKey kAuthoringKeys[] = {
    {"extends", "string",
     "Base scenario file, relative to this file. This file's other keys are merged into the base as a JSON "
     "Merge Patch (RFC 7396): objects merge key by key, arrays replace the base's whole array, null deletes "
     "a "
     "key. Chains are allowed, cycles are errors"},
    {"overrides", "object",
     "Key path -> value, set after the merge in key order with the same paths as --set, e.g. "
     "{\"regions[0].infrastructure\": 0.8}; \"[-]\" appends to an array, e.g. \"platforms[-]\": {...}"},
    {"regions_csv", "string",
     "CSV file of regions, relative to this file, instead of regions: a header of region keys (endowments as "
     "endowment.NAME), one row per region, an empty cell keeps the default"},
    {"firms_csv", "string",
     "CSV file of the initial firm register, relative to this file, instead of firms: columns region, "
     "industry, stage (name or 0-based index), employees, and optional productivity, chain_master (0/1), "
     "digital_maturity; an empty optional cell is drawn"},
    {"_notes", "string or array of strings", "Free text for the reader; ignored"},
};

/** @brief A file of an extends chain with its document as written. */
struct ChainFile {
  std::string file;
  nlohmann::json doc;
};

/** @brief The document with extends, overrides, regions_csv, firms_csv and _notes resolved. A document
 * without them is returned unchanged. Problems (unreadable base, cycle, bad override path, bad CSV) name the
 * file that caused them and are appended to `diag`. If `chain` is given, it receives every file read,
 * outermost first. */
nlohmann::json resolve_scenario_document(const nlohmann::json& doc, const std::string& file,
                                         Diagnostics& diag, std::vector<ChainFile>* chain = nullptr);

/** @brief Points problems found in a resolved document at the file of the chain that wrote the value: the
 * outermost file whose document (or "overrides") has the problem's path, or that defines an array on the
 * way (arrays replace whole). A problem whose value comes from the outermost file, from no file, or from a
 * --set override (a path in `set_paths` or below one) keeps its file. */
void attribute_to_chain(Diagnostics& problems, const std::vector<ChainFile>& chain,
                        const std::vector<std::string>& set_paths = {});

}  // namespace vicsim::scenarios
