#pragma once
/** @file The mechanism registry's switches applied to scenario documents: which groups differ between two
 * scenarios, and scenario B with some groups put into A's state (`vicsim attribute`, docs/ODD.md 7.41). */
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vicsim::scenarios {

/** @brief One concrete assignment: a path without wildcards, and the values it has in A's and B's state. */
struct SwitchAssignment {
  std::string path;  ///< e.g. "platforms[2].services.dispatch"
  nlohmann::json a_state, b_state;
};

/** @brief An attribution group: its registry members and the assignments that put B into A's state. */
struct GroupSwitch {
  std::string name;
  std::vector<std::string> members;  ///< registry entry names
  std::vector<SwitchAssignment> assignments;
  /** @brief Whether A's and B's states differ (a group that does not differ contributes exactly 0). */
  bool differs() const;
};

/** @brief The state of every registry group for the resolved scenarios a and b (to_json of loaded
 * scenarios). A group's state in A is A's value at each of its switch paths, expanded over B's arrays
 * (`[*]` becomes each index of B); where A lacks the mechanism (its present_if does not hold in A,
 * mechanism_present) or lacks the path, A's state is the switch's off value. `specs` chooses and merges
 * groups: a registry group or entry name, or `LABEL=NAME+NAME...`; empty: every registry group that differs.
 * Throws std::invalid_argument naming an unknown name. */
std::vector<GroupSwitch> group_switches(const nlohmann::json& a, const nlohmann::json& b,
                                        const std::vector<std::string>& specs = {});

/** @brief Scenario b with every group whose bit is clear in `coalition` put into A's state (bit g set: group
 * g keeps B's state). Groups not chosen keep B's state. */
nlohmann::json coalition_document(const nlohmann::json& b, const std::vector<GroupSwitch>& groups,
                                  std::uint32_t coalition);

/** @brief Whether a registry entry's mechanism is in doc: `present_if` is alternatives separated by " | ",
 * each a path that must select something (`platforms[*]`) or `path=JSON` whose selected value must equal
 * that JSON text (`mechanisms.founding.enabled=true`); nullptr: always present. */
bool mechanism_present(const nlohmann::json& doc, const char* present_if);

/** @brief The concrete paths a wildcard path selects in doc (`[*]` expanded over the array's indices,
 * `[key=value]` over the items it selects in --set, `match_text`; keys must exist); empty when it selects
 * nothing. */
std::vector<std::string> expand_path(const nlohmann::json& doc, const std::string& path);

}  // namespace vicsim::scenarios
