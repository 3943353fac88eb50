#pragma once
/** @file State shared by the model's phases during a run: the world, parameters and per-tick
 * derived data (directories, mean prices, the order-processing sequence). */
#include <memory>
#include <vector>

#include "agents/access_link_times.hpp"
#include "agents/collaboration_candidates.hpp"
#include "agents/delivery_odds.hpp"
#include "agents/in_plant_ramp.hpp"
#include "agents/infrastructure_outcome.hpp"
#include "agents/model_params.hpp"
#include "agents/policy.hpp"
#include "agents/service_access.hpp"
#include "agents/shipment_consolidation.hpp"
#include "agents/shock.hpp"
#include "agents/supplier_offer.hpp"
#include "sim/firm_directory.hpp"
#include "sim/infrastructure_layer.hpp"
#include "sim/ledger.hpp"
#include "sim/tick_stats.hpp"
#include "sim/transaction_cost_parts.hpp"
#include "sim/world.hpp"

namespace vicsim::agents {

/** @brief One dispatch of members' overflow through a platform this tick (7.20): planned units by
 * receiver and sender, realised once the receivers' inputs are known (7.28). */
struct DispatchEvent {
  std::size_t platform = 0;
  std::size_t type = 0;
  double moved = 0.0;                                        ///< planned units
  std::vector<std::pair<sim::FirmIndex, double>> receivers;  ///< (receiver, planned units it produces)
  std::vector<std::pair<sim::FirmIndex, double>> senders;    ///< (sender, planned units handed over)
};

/** @brief Everything a phase may read or write. Owned by ClusterModel. */
struct ModelContext {
  sim::World world;
  ModelParams params;
  unsigned threads = 1;
  sim::FirmDirectory directory;
  /** @brief Input needs per type key (industry, stage). */
  std::vector<std::vector<sim::InputNeed>> needs;
  /** @brief For each type key, the (customer type key, input slot) pairs that buy from it. */
  std::vector<std::vector<std::pair<std::size_t, std::uint16_t>>> buyers_of;
  /** @brief Type keys with every customer type before its supplier types. */
  std::vector<std::size_t> customers_first;
  /** @brief (industry, stage) of each type key. */
  std::vector<std::pair<std::size_t, std::size_t>> type_of;
  /** @brief Capacity-weighted mean price per type key (yuan per unit), this tick; a type without capacity
   * keeps its last known one (set_prices). */
  std::vector<double> mean_price;
  /** @brief Whether the type has had capacity since set-up (else its mean price is the cluster's). */
  std::vector<std::uint8_t> type_priced;
  /** @brief Capacity-weighted mean productivity per type key, this tick. */
  std::vector<double> mean_productivity;
  /** @brief Profit margin (profit / revenue) per type key, last tick. */
  std::vector<double> type_margin;
  sim::TickStats stats;

  // --- digital platforms, government and shocks ---
  std::vector<Policy> policies;
  std::vector<Shock> shocks;
  /** @brief The SimGrid layer (null when mechanisms.infrastructure.enabled is false). */
  std::unique_ptr<sim::InfrastructureLayer> infrastructure;
  /** @brief What the SimGrid layer delivered this tick, per route and platform (7.45–7.48). */
  InfrastructureOutcome infra;
  /** @brief This tick's lane flows for shipment consolidation (7.60). */
  LogisticsLanes lanes;
  /** @brief Each region's e-mail leg of an order message, refreshed when orders start (order_handling). */
  AccessLinkTimes access_links;
  /** @brief Infrastructure levels last pushed to SimGrid, to detect upgrades. */
  std::vector<double> pushed_infrastructure;
  /** @brief Platform compute capacities last pushed to SimGrid (Gflop/s; -1 before the first push). */
  std::vector<double> pushed_gflops;
  /** @brief Platform uplink capacities last pushed to SimGrid (Gbit/s). */
  std::vector<double> pushed_uplink;
  /** @brief Host region index whose distances each platform's backbone latencies were last pushed for (-1:
   * none yet); a founded platform takes an empty slot's place in its own host region (7.50). */
  std::vector<std::int32_t> pushed_host;
  /** @brief Per platform: the set of platforms whose members it reaches (itself, plus the
   * interconnected ones when it is connected to the 1+N middle platform). */
  std::vector<std::uint32_t> reach;
  /** @brief Platforms connected to an alive 1+N middle platform (the middle platform included), this tick. */
  std::uint32_t connected = 0;
  /** @brief Alive platform members per type key (any platform), for matchmaking and dispatch. */
  std::vector<std::vector<sim::FirmIndex>> members_of_type;
  /** @brief Services each firm can use, as of the last refresh_service_access: an index per firm slot into
   * `access_table`, one entry per distinct membership set (they depend on nothing else); entry 0 is no
   * services. Firms created since the refresh read as none. */
  std::vector<std::uint32_t> access_index;
  std::vector<ServiceAccess> access_table{ServiceAccess{}};
  /** @brief This tick's transaction-cost parts per chunk of sim::kFirmSumChunk firm ids, summed in firm
   * order by settle_accounts (the metrics read them; no per-firm copy is kept). */
  std::vector<sim::TransactionCostParts> transaction_cost_parts;
  /** @brief All alive platform members (any platform), in firm order. */
  std::vector<sim::FirmIndex> alive_members;
  /** @brief Share of cloud cost paid by vouchers for each firm this tick. */
  std::vector<double> voucher_share;
  /** @brief Final-demand multiplier per industry from demand shocks (1 = none). */
  std::vector<double> demand_multiplier;
  /** @brief Households' planned spending over the spending the scenario's final demand would cost at this
   * month's prices (1 with exogenous consumption; 7.69). */
  double consumption_scale = 1.0;
  /** @brief Share of this month's final sales paid by the rest of the world (exports; 0 with exogenous
   * consumption; 7.70). */
  double export_share = 0.0;
  /** @brief What the rest of the world may spend on the cluster's final goods this month: its deposits at
   * the end of last month, at least 0, plus this month's world income (yuan; 7.85, 7.95). */
  double row_budget = 0.0;
  /** @brief Households' planned spending on the cluster's final goods this month, C − imports (yuan); −1
   * when the scenario's demand applies (exogenous consumption, no month of income yet; 7.85). */
  double household_spending = -1.0;
  /** @brief Share of capacity each region loses to regional disruptions this tick (0 = none). */
  std::vector<double> region_disruption;
  /** @brief Supervision: the highest transaction fee platforms may charge. */
  double fee_cap = 1.0;
  /** @brief Regions treated by a pilot program (1) and controls (0). */
  std::vector<std::uint8_t> treated;
  /** @brief Units-weighted mean price of each firm type in month 1: the base of `real_output`. */
  std::vector<double> base_price;
  /** @brief In-plant ramp paths by starting level, kept from month to month (buy_in_plant_services). */
  RampPaths ramp_paths;

  // --- stock-flow accounting (docs/ODD.md 7.28) ---
  /** @brief Every payment of the tick by payer, payee and kind; the identities are checked each tick. */
  sim::Ledger ledger;
  /** @brief This tick's dispatches, in the order they were planned. */
  std::vector<DispatchEvent> dispatches;
  /** @brief Per type key: spot units wanted by buyers without a tie for that input, this tick. */
  std::vector<double> spot_untied;
  /** @brief Per type key: share of spot requests served, this tick (1 with imports on). */
  std::vector<double> spot_ratio;
  /** @brief Per type key: share of spot requests the cluster's own sellers served (units sold ÷ asked). */
  std::vector<double> spot_domestic;
  /** @brief Mean delivery record of a platform member (on time, late, sound lots, defective lots), last
   * tick: what a marketplace's ratings show of the seller a buyer meets there (7.33). */
  double member_record[4] = {0.0, 0.0, 0.0, 0.0};
  /** @brief Per firm, this tick: units of final goods the rest of the world ordered from it (7.78). */
  std::vector<double> export_units;
  /** @brief Per firm, this tick: of which matched through a platform's cross-border service (units). */
  std::vector<double> platform_export_units;
  /** @brief Per firm, this tick: platform whose cross-border service it pays for (-1: none). */
  std::vector<std::int32_t> cross_border_platform;
  /** @brief Per firm: share of its planned output its inputs allowed (Leontief), this tick. */
  std::vector<double> output_scale;
  /** @brief Per firm slot, this tick's orders: capacity, price and type price as one record (SupplierOffer),
   * refilled each month (gather_supplier_offers). */
  std::vector<SupplierOffer> supplier_offers;
  /** @brief form_collaborations' working memory, kept from month to month: allocated afresh, its partner
   * lists and flags were zeroed and faulted in page by page each month on the main thread. Kept, they stay
   * resident: about 50 MiB at 1M firms (docs/PERFORMANCE.md, session 44). Nothing in it carries over: each
   * month refills it before reading it. */
  struct CollaborationWork {
    CollaborationCandidates index;
    std::vector<std::uint8_t> searching;       ///< per alive firm: it searches this month
    std::vector<std::uint8_t> need_customers;  ///< per firm slot: the search walks its customer list
    std::vector<std::uint8_t> need_suppliers;  ///< per firm slot: the search walks its supplier list
    std::vector<std::int64_t> partner;         ///< per alive firm: the partner it proposes to, or -1
  } collaboration_work;
  /** @brief Settlement's, learning's and adoption's per-month arrays and lists, kept from month to month and
   * refilled (sim::refill): allocated afresh, each was a new mapping, faulted in page by page every month
   * (docs/PERFORMANCE.md, session 46). Nothing in them carries over: each phase refills what it reads. */
  struct MonthWork {
    std::vector<DeliveryOdds> delivery_odds;        ///< settlement: per firm slot, its deliveries' odds
    std::vector<double> services, purchases;        ///< settlement: per alive firm, yuan
    std::vector<double> next_productivity;          ///< learning: per alive firm
    std::vector<std::uint8_t> innovated, imitated;  ///< learning: per alive firm, 1 if it did this month
    std::vector<double> realised_gain;              ///< adoption: per firm slot, NaN if not measurable
    std::vector<std::uint8_t> go_cloud;             ///< adoption: per alive firm, 1 if it moves to the cloud
    std::vector<std::uint32_t> joins, leaves;       ///< adoption: per alive firm, platform bit sets
    std::vector<std::vector<ObservedDelivery>> observed_deliveries;  ///< learning from deliveries: per chunk
  } month_work;
  /** @brief Per firm: units its dispatch receivers made for it this tick times their on-time probability,
   * summed over receivers (divide by dispatched_out for the made-weighted mean; 7.33). */
  std::vector<double> dispatched_on_time;
  /** @brief Per firm: units its dispatch receivers made for it this tick times their defect rate, summed. */
  std::vector<double> dispatched_defect;

  std::size_t type_key(sim::FirmIndex f) const {
    return directory.type_key(sim::idx(world.firms.industry[f]), world.firms.stage[f]);
  }
  /** @brief Cached services of firm f this tick. */
  const ServiceAccess& services_of(sim::FirmIndex f) const {
    return access_table[f < access_index.size() ? access_index[f] : 0];
  }
  /** @brief Platforms a firm reaches through its memberships and their interconnection. */
  std::uint32_t reach_of(sim::FirmIndex f) const {
    std::uint32_t m = 0, p = world.firms.platforms[f];
    for (std::size_t k = 0; p; ++k, p >>= 1)
      if (p & 1u) m |= reach[k];
    return m;
  }
  bool is_final_stage(sim::FirmIndex f) const {
    return world.firms.stage[f] + 1u == world.industries[sim::idx(world.firms.industry[f])].stages.size();
  }
  /** @brief True if firm type t (directory type key) makes final goods, sold to households. */
  bool is_final_type(std::size_t t) const {
    return type_of[t].second + 1u == world.industries[type_of[t].first].stages.size();
  }
};

}  // namespace vicsim::agents
