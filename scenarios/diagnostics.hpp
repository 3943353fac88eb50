#pragma once
/** @file Problems found in a scenario, each naming the file, the JSON path and what was expected. */
#include <string>
#include <vector>

namespace vicsim::scenarios {

/** @brief One problem in an input file. */
struct Diagnostic {
  std::string file;
  std::string path;     ///< JSON path, e.g. "regions[2].x_km"; "" for the whole document
  std::string message;  ///< what was expected, and what was found
  std::string format() const { return file + ": " + (path.empty() ? "(document)" : path) + ": " + message; }
};

using Diagnostics = std::vector<Diagnostic>;

/** @brief Edit distance, for did-you-mean suggestions. */
std::size_t edit_distance(const std::string& a, const std::string& b);

/** @brief The closest candidate within a small edit distance, or "". */
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace vicsim::scenarios
