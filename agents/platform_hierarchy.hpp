#pragma once
/** @file Point, line and surface as mechanism (docs/ODD.md 7.51–7.52): parent links between levels, the
 * reach each level gives the one below, the surface's data value and the lines' app stock, and the 1+N
 * middle platform's three shared services. */
#include <cstdint>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Links each alive point to a line of its industry and each alive line to a surface (same host
 * region first), or to nothing; clears links when the hierarchy is off. */
void link_platform_hierarchy(ModelContext& c);

/** @brief Platforms whose members the members of platform p reach through the hierarchy: p, its parent, and
 * for a line also its surface's other lines (cross-industry matchmaking) and its own points. */
std::uint32_t hierarchy_reach(const sim::World& w, std::size_t p);

/** @brief Surface's data value as a factor in [0,1): D / (D + data_half_yuan). */
double surface_data_factor(const ModelContext& c, const sim::Platform& surface);

/** @brief Line's vertical apps as a factor in [0,1): A / (A + app_half). */
double line_app_factor(const ModelContext& c, const sim::Platform& line);

/** @brief Monthly feedback: each surface's data value follows its lines' GMV, each line's app stock grows
 * with the usage of the points and firms below it and depreciates. */
void grow_hierarchy_stocks(ModelContext& c);

/** @brief Share of platform p's compute and uplink cost it does not pay: its surface's data centre (line)
 * and the middle platform's shared technology (connected platform) each save their share. */
double shared_capacity_saving(const ModelContext& c, std::size_t p);

/** @brief True if trade between s and b is integrated across platforms (7.53): their memberships together
 * span two or more platforms connected to the 1+N middle platform. */
bool integrated_pair(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b);

}  // namespace vicsim::agents
