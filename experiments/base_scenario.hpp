#pragma once
/** @file What the experiment and calibration loaders share: reading their own file, and loading the base
 * scenario they name with its fixed overrides. One copy, so both report a bad file or a bad scenario with
 * the same messages. */
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/diagnostics.hpp"
#include "scenarios/json_file.hpp"

namespace vicsim::experiments {

/**
 * @brief Reads the JSON file `file` and validates it with `load(doc)`, which returns a Load (ExperimentLoad
 * or CalibrationLoad: `problems` and `text` members). A file that cannot be read or parsed gives its problems
 * and nothing else; otherwise `text` holds the file's bytes.
 */
template <class Load, class Validate>
Load load_document_file(const std::string& file, Validate&& load) {
  Load out;
  auto doc = scenarios::read_json_file(file, out.problems, &out.text);
  if (!doc) return out;
  std::string text = std::move(out.text);
  out = load(*doc);
  out.text = std::move(text);
  return out;
}

/** @brief The base scenario a document names, read and checked with its fixed overrides. */
struct BaseScenario {
  std::string file;                   ///< the scenario path resolved from the document's directory
  std::optional<nlohmann::json> doc;  ///< its JSON, when it read and loads with the overrides
};

/**
 * @brief Resolves `scenario` (relative to `document_file`'s directory), reads it into `scenario_text` (its
 * bytes plus its resolved form, so a fingerprint covers every file it depends on: extends, regions_csv,
 * firms_csv) and loads it with `set`. Problems go to `diag` against `document_file`: at "scenario" when the
 * file cannot be used, at "set" for each problem of the scenario with the overrides; `doc` is then empty.
 */
BaseScenario load_base_scenario(const std::string& document_file, const std::string& scenario,
                                const std::vector<std::string>& set, std::string& scenario_text,
                                scenarios::Diagnostics& diag);

/**
 * @brief When the scenario's first problem with an override of `key` says `key` names no scenario key, the
 * message to report at the document's own `path` field ("unknown scenario key 'K' (did you mean ...)"), so
 * the user is sent to the key, not to a value; empty otherwise.
 */
std::string unknown_key_message(const scenarios::Diagnostics& problems, const std::string& key);

}  // namespace vicsim::experiments
