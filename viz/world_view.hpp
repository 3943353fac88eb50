#pragma once
/** @file The adapter from the model to the view model: a live world, its metrics, and a scenario
 * document become ViewFrame, KpiRow and RunInfo. The only viz file that reads the model's fields. */
#include <nlohmann/json.hpp>

#include "sim/platform_stage.hpp"
#include "sim/tick_metrics.hpp"
#include "sim/world.hpp"
#include "viz/view_model.hpp"

namespace vicsim::viz {

/** @brief The alive firms and their ties (and platforms, once the world has them) at the world's tick. */
ViewFrame view_of_world(const sim::World& w);

/** @brief A stage name as shown: "" for "none" and "no_platforms", underscores as spaces. */
std::string stage_display_name(const std::string& raw);

/** @brief One KPI row from a tick's metrics. */
KpiRow kpi_of_metrics(const sim::TickMetrics& m);

/** @brief Name, seed, horizon, regions and industries from a scenario document (a scenario file or a
 * run's scenario.resolved.json). Missing keys keep their defaults. */
RunInfo run_info_of_json(const nlohmann::json& doc, const std::string& source);

}  // namespace vicsim::viz
