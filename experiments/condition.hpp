#pragma once
/** @file Conditions on a run's KPIs for scenario discovery: `kpi op value` or `kpi op scale * other`. */
#include <optional>
#include <string>
#include <vector>

#include "experiments/experiment.hpp"

namespace vicsim::experiments {

/** @brief Parses "kpi > 1e8", "a >= 1.05 * b" or "a < b"; nothing (and `error` set) if malformed. */
std::optional<ConditionSpec> parse_condition(const std::string& text, std::string& error);

/** @brief Whether the condition holds given the KPI names and values; nothing if a value is NaN. */
std::optional<bool> evaluate(const ConditionSpec& c, const std::vector<std::string>& names,
                             const std::vector<double>& values);

/** @brief The condition as text, e.g. "output_final > 1e+08". */
std::string describe(const ConditionSpec& c);

}  // namespace vicsim::experiments
