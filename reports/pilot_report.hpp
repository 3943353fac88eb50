#pragma once
/** @file The pilot-program part of a run report: a plain-language verdict; the pilot's true effect against
 * the runs without it (pilot_effect.csv) with its cost per unit; beside it the field estimators (TWFE
 * difference-in-differences, event study, synthetic control) with their bias; policy spending. */
#include "reports/html_document.hpp"
#include "reports/run_directory.hpp"

namespace vicsim::reports {

/** @brief Adds the pilot sections (needs run.regions with a `treated` column). */
void add_pilot_sections(HtmlDocument& doc, const RunDirectory& run);

}  // namespace vicsim::reports
