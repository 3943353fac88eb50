#pragma once
/** @file Firms as plain data: a structure of arrays, one slot per firm in the market or not yet compacted
 * away. */
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "sim/delivery_record.hpp"
#include "sim/input_slot_values.hpp"
#include "sim/units.hpp"

namespace vicsim::sim {

/** @brief All firm state. Index i of every array is firm slot i. An exited firm keeps its slot until the
 * next compaction (`compact`), which drops it and moves later firms down; a firm's `id` never changes. */
struct Firms {
  /** @brief `last_gain_tick` of a firm whose productivity never rose: below every tick, warm-up included. */
  static constexpr std::int32_t kNeverGained = std::numeric_limits<std::int32_t>::min();
  /** @brief Marks a dropped slot in the map `compact` takes. */
  static constexpr FirmIndex kGone = kDroppedSlot;
  // identity and place
  std::vector<FirmIndex> ids;  ///< stable id: creation rank, strictly increasing with the slot
  std::vector<RegionId> region;
  std::vector<IndustryId> industry;
  std::vector<std::uint8_t> stage;         ///< value-chain stage index
  std::vector<std::uint8_t> alive;         ///< 1 while in the market
  std::vector<std::uint8_t> chain_master;  ///< 1 for the lead firm(s) of an industry chain
  std::vector<std::int32_t> entry_tick;    ///< tick of entry (0 for the initial population)
  std::vector<std::int32_t> exit_tick;     ///< tick of exit, -1 while alive
  // size and technology
  std::vector<double> employees;          ///< workers
  std::vector<double> productivity;       ///< units of output per worker per month (in the type's units)
  std::vector<double> digital_maturity;   ///< in [0,1]
  std::vector<double> reputation;         ///< in [0,1]: smoothed delivery reliability
  std::vector<Money> cash;                ///< yuan
  std::vector<std::int32_t> loss_streak;  ///< consecutive months with a loss
  /// last tick productivity rose (innovation or imitation), kNeverGained if never: warm-up ticks are
  /// negative, so −1 cannot mean "never"
  std::vector<std::int32_t> last_gain_tick;
  // per-tick flows (overwritten each tick)
  std::vector<double> orders;           ///< units ordered from this firm this tick
  std::vector<double> output;           ///< units produced this tick
  std::vector<double> unit_cost;        ///< yuan per unit (last tick)
  std::vector<double> input_unit_cost;  ///< purchased inputs per unit of output, yuan (last tick)
  std::vector<double> price;            ///< yuan per unit
  std::vector<Money> revenue;
  std::vector<Money> input_cost;  ///< purchases incl. transaction costs
  std::vector<Money> transaction_cost;
  std::vector<Money> profit;
  std::vector<double> inputs_bought;     ///< units of inputs received
  std::vector<double> spot_units;        ///< units bought on the spot market (no supplier tie)
  std::vector<Money> marketplace_value;  ///< spot purchases made through a platform's marketplace (yuan)
  std::vector<double> lead_time_days;    ///< input-weighted delivery lead time
  std::vector<std::uint8_t> innovated;   ///< 1 if innovation raised productivity this tick
  std::vector<std::uint8_t> imitated;    ///< 1 if imitation raised productivity this tick
  // digital state
  std::vector<std::uint8_t> on_cloud;         ///< 1 once the firm has gone on the cloud
  std::vector<std::int32_t> cloud_tick;       ///< tick of cloud adoption, -1 never
  std::vector<std::uint32_t> platforms;       ///< set of platform memberships (bit p = platform p)
  std::vector<std::int32_t> first_join_tick;  ///< tick of the first platform membership, -1 never
  std::vector<double> adoption_threshold;     ///< Watts threshold phi on adopted partners' share
  std::vector<double> defect_rate;            ///< hidden: probability a delivered lot is defective (7.30)
  std::vector<double> on_time_prob;    ///< hidden: probability a delivery arrives on time at full fill (7.30)
  std::vector<DeliveryRecord> record;  ///< discounted counts of its deliveries and lots (7.31)
  std::vector<double> input_defect_share;  ///< share of this tick's input units found defective (7.30)
  std::vector<Money> search_cost;          ///< screening of supplier candidates, paid next settlement (yuan)
  std::vector<double> overhead_factor;     ///< management overhead relative to the offline norm (7.34)
  std::vector<double> coordination_hours;  ///< this tick's supplier coordination, in order cycles (7.34)
  std::vector<double> unaided_hours;       ///< the same before its subscribed apps' saving (7.66)
  /// smoothed ratio of unaided_hours to the offline norm, as the overhead factor's coordination part: the
  /// hours a firm's apps would save a share of, whatever it subscribed to in which month (7.66)
  std::vector<double> unaided_coordination;
  std::vector<std::int32_t> app_platform;  ///< platform whose shared apps it subscribes to, -1: none (7.66)
  std::vector<std::int32_t> in_plant_platform;  ///< platform it buys in-plant services from, -1: none (7.102)
  std::vector<double>
      in_plant_level;  ///< phased-in share of the in-plant services' full effect, [0, 1] (7.102)
  std::vector<double> forecast_error;  ///< this tick's relative forecast error (final stage)
  std::vector<Money> inventory_cost;   ///< this tick's cost of forecast errors (yuan)
  std::vector<double> dispatched_out;  ///< units of own orders dispatched to idle members
  std::vector<Money> credit_line;      ///< platform credit available (yuan)
  std::vector<Money> subsidy;          ///< cumulative policy subsidies received (yuan)
  std::vector<double> disruption;      ///< share of capacity lost to a regional disruption
  std::vector<double> fill;            ///< share of this tick's orders delivered (incl. dispatched)
  std::vector<double> unsold;          ///< units produced beyond orders (forecast over-shoot)
  std::vector<Money> total_cost;       ///< inputs, labour, overhead, rework, inventory, fees (yuan)
  // stock-flow accounting (docs/ODD.md 7.28)
  std::vector<double> final_orders;    ///< units of `orders` placed by households (final demand) this tick
  std::vector<double> own_output;      ///< units produced for the firm's own orders this tick
  std::vector<double> dispatched_in;   ///< units produced for other members' customers (dispatch) this tick
  std::vector<double> spot_sold;       ///< units sold on the spot market this tick
  std::vector<double> spot_bought;     ///< units received from the spot market (all slots) this tick
  std::vector<Money> spot_value;       ///< their value: type mean price, imports at the import premium (yuan)
  std::vector<Money> import_value;     ///< of which imported from the rest of the world (yuan)
  std::vector<Money> transfer_in;      ///< paid by dispatch senders for units this firm made (yuan)
  std::vector<Money> transfer_out;     ///< paid to dispatch receivers and the platform's commission (yuan)
  std::vector<double> lost_units;      ///< units of own orders not delivered this tick (lost sales)
  std::vector<Money> loan;             ///< outstanding loan from the lender (yuan)
  std::vector<double> finished_stock;  ///< finished units carried to next month (standard goods, units)
  std::vector<double> from_stock;      ///< units of this tick's orders served from finished_stock
  std::vector<double> scrapped;        ///< finished units scrapped this tick (personalised, obsolete)
  InputSlotValues input_stock;         ///< input units carried to next month, per input slot
  InputSlotValues input_spot;  ///< input units received from the spot market this tick, per input slot
  // platform value learned from margins (docs/ODD.md 7.35–7.36)
  std::vector<double> margin_off;        ///< smoothed margin (profit / revenue) while on no platform
  std::vector<double> margin_on;         ///< smoothed margin (profit / revenue) while a member
  std::vector<std::int16_t> months_off;  ///< months of margins off platforms (capped at 1000)
  std::vector<std::int16_t> months_on;   ///< months of margins in the current membership (capped)
  std::vector<double> platform_value;    ///< expected monthly margin gain of membership (share)

  std::size_t size() const { return region.size(); }
  /** @brief Firm i's stable id, its rank among all firms ever created: its key in every random stream and
   * its `firm_id` in every output. It equals the slot until the first compaction. */
  std::uint64_t id(FirmIndex i) const { return ids[i]; }
  /** @brief Firms ever created (the next firm's id). */
  std::size_t created() const { return created_; }
  /** @brief The first slot whose id is at least `id` (size() if none): ids increase with the slot. */
  FirmIndex first_slot_from(std::uint64_t id) const;
  /** @brief The slot of the firm with this id, kGone if it was compacted away (or never existed). */
  FirmIndex slot_of(std::uint64_t id) const {
    const FirmIndex s = first_slot_from(id);
    return s < size() && ids[s] == id ? s : kGone;
  }
  /** @brief Appends a zero-initialised firm slot with the next id and returns its index. */
  FirmIndex add();
  /** @brief Drops the slots `new_slot` maps to kGone and moves slot s to new_slot[s] in every array, in
   * place (new_slot must be increasing over the kept slots and new_slot[s] ≤ s). The arrays keep their
   * capacity: their pages past the new size are not touched again until firms enter. */
  void compact(std::span<const FirmIndex> new_slot);
  /** @brief Bytes the firm arrays hold for their slots (size × element, not the reserved capacity): what
   * `vicsim bench` reports as the firm arrays' memory. */
  std::size_t bytes() const;
  /** @brief Reserves room for n slots in every array without touching it: the arrays then do not move as
   * entrants arrive, and no freed old copy of every array stays in the process's heap (issue 15). */
  void reserve(std::size_t n);
  /** @brief Sets the input slots per firm (input_stock, input_spot) to n, the most inputs a firm type has. */
  void set_input_slots(std::size_t n) {
    input_stock.set_slots(n, 0.0);
    input_spot.set_slots(n, 0.0);
  }
  /** Output per worker gained at full digital maturity (`mechanisms.adoption.maturity_productivity_gain`, set
   * by the model when it starts; 0 in a world no model runs). */
  double maturity_productivity_gain = 0.0;
  /** @brief Output per worker per month: the knowledge stock `productivity` (7.9) raised by digital maturity
   * (docs/ODD.md 7.108). Imitation and innovation move the stock; maturity does not enter it. */
  double output_per_worker(FirmIndex f) const {
    return productivity[f] * (1.0 + maturity_productivity_gain * digital_maturity[f]);
  }
  /** @brief Capacity in units per month. */
  double capacity(FirmIndex f) const { return employees[f] * output_per_worker(f) * (1.0 - disruption[f]); }
  /** @brief True if firm f is a member of platform p. */
  bool member_of(FirmIndex f, std::size_t p) const { return (platforms[f] >> p) & 1u; }

 private:
  std::size_t created_ = 0;
};

/**
 * @brief Moves the entries of a per-slot array to the slots of a compaction (`new_slot`, as Firms::compact
 * takes it) and cuts it to the kept slots it covered: an array sized before later firms entered still
 * ends before them, so a rule "slots past the array read as none" keeps meaning "created since".
 */
template <class Array>
void compact_slots(Array& a, std::span<const FirmIndex> new_slot) {
  std::size_t n = 0;
  for (std::size_t s = 0; s < a.size() && s < new_slot.size(); ++s)
    if (new_slot[s] != Firms::kGone) {
      if (new_slot[s] != s) a[new_slot[s]] = std::move(a[s]);
      n = new_slot[s] + std::size_t{1};
    }
  a.resize(n);
}

}  // namespace vicsim::sim
