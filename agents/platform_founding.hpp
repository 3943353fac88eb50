#pragma once
/** @file Endogenous platform founding (docs/ODD.md 7.50): a chain-master or an independent provider founds
 * an enterprise ("point"), industry ("line") or regional ("surface") platform when the expected profit of
 * the firms it can reach, discounted at a risk-adjusted rate, beats the launch cost and the cost of its
 * working capital. */
#include <cstdint>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Appends dormant platform slots for founding (up to FoundingParams::max_founded, within
 * sim::kMaxPlatforms) when founding is on. Call once, before per-platform state is sized. */
void add_founding_slots(sim::World& w, const FoundingParams& p);

/** @brief Bass (1969) cumulative adoption F(t) = (1 − e^−(p+q)t) / (1 + (q/p) e^−(p+q)t), t in years,
 * p and q per year; 0 for t ≤ 0 or p ≤ 0. */
double bass_adopted(double p, double q, double years);

/** @brief One possible platform and the founder's case for it. */
struct FoundingCase {
  sim::PlatformLevel level = sim::PlatformLevel::Industry;
  std::int64_t founder_firm = -1;  ///< chain-master founder's firm slot, -1 for an independent provider
  std::int32_t industry = -1;      ///< industry served (line, point), -1 for any
  std::uint32_t related = 0;       ///< line: other industries it also admits, one bit per index (7.93)
  std::int32_t region = -1;        ///< region served (surface), -1 for any
  sim::RegionId host{0};           ///< host region of the data centre
  double reachable = 0;            ///< alive firms the platform could admit
  double ready = 0;                ///< their digital readiness summed (7.16; readiness-weighted firms)
  double rivals = 0;               ///< alive platforms already serving them
  double members = 0;              ///< members the founder expects, mean over the horizon
  double revenue = 0;              ///< expected fees, mean over the horizon (yuan/month)
  double cost = 0;                 ///< expected operating cost, mean over the horizon (yuan/month)
  double value = 0;                ///< discounted profit over the horizon (yuan)
  double capital_cost = 0;         ///< cost of the working capital tied up over the horizon (yuan)
  double hurdle = 0;               ///< launch cost net of co-funding + capital_cost (yuan)
  double compute_gflops = 0;       ///< compute the founder would buy (Gflop/s)
};

/** @brief The founder's case for a platform at `level` serving industry/region (enterprise: the chain-master
 * `founder`'s suppliers and customers). Reads the world and the active cultivation policies only. */
FoundingCase founding_case(const ModelContext& c, sim::PlatformLevel level, std::int64_t founder,
                           std::int32_t industry, std::int32_t region, std::uint32_t related = 0);

/** @brief The line's scope chosen by its founder (docs/ODD.md 7.93): the case for industry `industry` alone
 * and for it plus its 1, 2, … most related industries (relatedness > 0, sim::relatedness), highest
 * value − hurdle first found wins. */
FoundingCase line_case(const ModelContext& c, std::int64_t founder, std::int32_t industry);

/** @brief This month's founding decisions: every case whose value exceeds its hurdle is acted on with
 * probability decision_rate (stream Founding), while slots remain. Books the launch capital (founder's
 * cash, households' equity, lender loan, cultivation co-funding) and the launch cost. */
void found_platforms(ModelContext& c);

/** @brief The agent word of a founding candidate's `Founding` stream: a surface's region r, 1000 + a line's
 * industry, 100000 + a point founder's id. Regions from 1000 up (possible with the infrastructure layer off)
 * move to bit 40, so they cannot take a line's or a point's key (docs/ODD.md §9). */
std::uint64_t founding_key(sim::PlatformLevel level, std::uint64_t index);

}  // namespace vicsim::agents
