#pragma once
/** @file The provenance block every report carries: what was run, with which seeds and version, when,
 * and the commands that reproduce it. */
#include <string>
#include <vector>

namespace vicsim::reports {

/** @brief One labelled line of provenance; `code` renders the value in a monospace font. */
struct ProvenanceItem {
  std::string label, value;
  bool code = false;
};

/** @brief The provenance section body: a definition list and the reproducing commands. */
std::string provenance_html(const std::vector<ProvenanceItem>& items, const std::string& reproduce_commands);

/** @brief The report's date, "YYYY-MM-DD HH:MM UTC": now, or $SOURCE_DATE_EPOCH when set (reproducible
 * builds convention), so two reports of the same directory can be byte-identical. */
std::string report_timestamp();

/** @brief Quotes a command-line word for a POSIX shell when it needs it. */
std::string shell_quote(const std::string& word);

}  // namespace vicsim::reports
