#pragma once
/** @file The top-level keys of summary.json: written by reports::run_summary (and the pilot runs of
 * app/scenario_run.cpp), checked when an experiment or calibration file names a summary KPI
 * (experiments::summary_key_problem), so a mistyped key is refused at load instead of read as NA. */
#include <array>
#include <string_view>

namespace vicsim::reports::summary_keys {

/** Objects holding one timeseries.csv row (column → value). */
inline constexpr std::string_view kFirstTick = "first_tick";
inline constexpr std::string_view kFinal = "final";
/** Objects holding, for stages 1–3 of a stage ladder (by name), the first tick it was reached or null. */
inline constexpr std::string_view kTraditionalStageReached = "stage_first_reached_tick";
inline constexpr std::string_view kPlatformPathStageReached = "platform_path_stage_first_reached_tick";
inline constexpr std::string_view kEcosystemStageReached = "ecosystem_stage_first_reached_tick";
/** Written only by runs with a pilot policy. */
inline constexpr std::string_view kPilotEffect = "pilot_effect_vs_no_pilot";
inline constexpr std::string_view kPilotReplications = "pilot_replications";

/** Every top-level key summary.json may hold (a unit test checks run_summary against it). */
inline constexpr std::array<std::string_view, 16> kTopLevel = {"scenario",
                                                               "seed",
                                                               "ticks",
                                                               "vicsim_version",
                                                               "git_hash",
                                                               kFirstTick,
                                                               kFinal,
                                                               kTraditionalStageReached,
                                                               kPlatformPathStageReached,
                                                               kEcosystemStageReached,
                                                               "firm_size_tail_exponent",
                                                               "sme_threshold",
                                                               "policies",
                                                               "shocks",
                                                               kPilotEffect,
                                                               kPilotReplications};

}  // namespace vicsim::reports::summary_keys
