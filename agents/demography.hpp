#pragma once
/** @file Firm demography: exit after sustained losses (with Atalay-style rewiring of orphaned
 * customers), capacity adjustment, and entry with location choice and relocation barriers. */
#include <cstdint>
#include <stdexcept>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Removes insolvent firms (cash − loan + credit line < 0), and with `exit_loss_months` > 0 also
 * firms with that many consecutive losses (off by default, docs/ODD.md 7.97); their customers rewire each
 * lost input, a fraction r uniformly and the rest by the preferential logit. */
void exit_failing_firms(ModelContext& c);

/** @brief The (agent, tick) words of the `Rewire` stream of a customer's input slot in a month: id and
 * tick · 64 + slot for the first 64 slots; a higher slot moves to the agent word's bits 40–47 (tick · 64 in
 * the tick word), so no key repeats across slots or months (docs/ODD.md §9). */
struct RewireKey {
  std::uint64_t agent, tick;
};
RewireKey rewire_key(std::uint64_t customer_id, std::uint16_t slot, std::int32_t tick);

/** @brief Hiring and shedding by utilisation, with Gibrat noise. */
void adjust_capacity(ModelContext& c);

/** @brief Thrown by enter_firms when entry would take the alive firms past the hard cap
 * (demography.max_firms, or max_firm_growth times the initial count): runaway entry stops the run
 * instead of exhausting memory. */
struct FirmLimitExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief Floor of the automatic absolute firm cap (demography.max_firms = 0), firms. */
inline constexpr double kAutoFirmCapFloor = 1e6;
/** @brief Automatic absolute firm cap per initial firm (demography.max_firms = 0): room for the population
 * to double, so a run at any size can take entrants (a fixed 1,000,000 stopped a 1M-firm run at its first).
 */
inline constexpr double kAutoFirmCapPerFirm = 2.0;

/** @brief The hard cap on alive firms (firms) for these parameters: the smaller of the absolute cap
 * (demography.max_firms, or with 0 max(kAutoFirmCapFloor, kAutoFirmCapPerFirm × population.count)) and
 * max_firm_growth × population.count (docs/ODD.md 7.12). */
std::size_t firm_cap(const ModelParams& p);

/** @brief Poisson entry per firm type; entrants choose a region and pay its relocation barrier when
 * it is not their home region, then bring one tie per input slot. */
void enter_firms(ModelContext& c);

/** @brief Share of the industry's alive firms that are platform members (0 without platforms). */
double platform_share(const ModelContext& c, std::size_t industry);

/** @brief Entrant location utility for one region (docs/ODD.md, "Entry"). */
double location_utility(const ModelContext& c, std::size_t region, std::size_t industry, std::size_t origin,
                        double entrant_capital);

}  // namespace vicsim::agents
