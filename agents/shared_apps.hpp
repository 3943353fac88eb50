#pragma once
/** @file Shared apps that member firms pay for (docs/ODD.md 7.66–7.68): a platform's app stock saves its
 * subscribers part of their supplier-coordination hours, with diminishing returns; firms subscribe when the
 * expected saving of management overhead exceeds the monthly fee, and the platform pays for developing and
 * operating the apps it hosts. */
#include <cstddef>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Share of coordination hours platform p's apps save a subscriber this month, in [0, saving_max]:
 * saving_max · A / (A + half_apps) / congestion; 0 when apps are off, p is dead or offers no knowledge
 * and app sharing. */
double app_saving_share(const ModelContext& c, std::size_t p);

/** @brief Share of coordination hours firm i's subscription saves this month (0 if it subscribes to none,
 * or its platform is gone or no longer has it as a member). */
double subscriber_saving(const ModelContext& c, sim::FirmIndex i);

/** @brief Monthly subscription firm i pays for its platform's apps (yuan; 0 without a valid subscription). */
double app_fee(const ModelContext& c, sim::FirmIndex i);

/** @brief Platform p's monthly cost of developing and operating the apps it hosts (yuan). */
double app_cost(const ModelContext& c, const sim::Platform& p);

/** @brief Share of alive platform members subscribed to a platform's apps (timeseries.csv
 * `app_subscriber_share`, declared in the mechanism registry). */
double app_subscriber_share(const ModelContext& c);

/** @brief Each alive firm subscribes to the member platform whose apps save it the most management overhead
 * net of the fee, if that is positive, and otherwise to none; sets the platforms' subscriber counts. */
void subscribe_to_apps(ModelContext& c);

}  // namespace vicsim::agents
