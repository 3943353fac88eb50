#pragma once
/** @file Parameters of the digital mechanisms: adoption, platform services and economics, the SimGrid
 * infrastructure mapping, 1+N interconnection, and the platform-path stage thresholds (docs/ODD.md). */
#include <cstdint>

#include "sim/platform.hpp"
#include "sim/platform_stage.hpp"

namespace vicsim::agents {

/** @brief Going on the cloud (Bass 1969; Watts 2002) and joining platforms. */
struct AdoptionParams {
  bool enabled = true;
  bool threshold_rule = false;  ///< false: Bass hazard; true: Watts threshold on partners' adoption
  double bass_p = 0.03;         ///< innovation coefficient p (1/year; Bass mean ≈ 0.03)
  double bass_q = 0.38;         ///< imitation coefficient q (1/year; Bass mean ≈ 0.38)
  double partner_weight = 0.6;  ///< weight of partners (vs same-region peers) in the adopted share
  double threshold_min = 0.1;   ///< Watts thresholds phi ~ U[min, max]
  double threshold_max = 0.5;
  double threshold_rate = 0.5;            ///< monthly chance a firm whose threshold is met adopts (1/month)
  double infrastructure_floor = 0.4;      ///< readiness factor at infrastructure 0 (1 at level 1)
  double size_reference = 250.0;          ///< employees at which the size factor reaches 1
  double size_elasticity = 0.25;          ///< size factor = min(1, (employees/reference)^elasticity)
  double cloud_cost_fixed = 2000.0;       ///< cloud cost per firm per month (yuan)
  double cloud_cost_per_employee = 40.0;  ///< extra cloud cost per employee per month (yuan)
  double cost_sensitivity = 5.0;          ///< cost factor = exp(−sensitivity · net cost / value added)
  double maturity_gain = 0.05;            ///< monthly step of digital maturity toward 1 once on the cloud
  /// Output per worker gained at full digital maturity (share; ODD 7.108).
  double maturity_productivity_gain = 0.223;
  double join_p = 0.08;               ///< platform-join innovation coefficient (1/year)
  double join_q = 1.2;                ///< platform-join imitation coefficient (1/year)
  double owner_pull = 3.0;            ///< join hazard multiplier for partners of the platform's chain-master
  double leave_rate = 0.003;          ///< monthly churn of members (1/month)
  double multihoming_discount = 0.5;  ///< value of a k-th extra platform ∝ discount^k
  // Platform value learned from realised and observed margins (docs/ODD.md 7.35–7.36).
  double margin_smoothing = 0.2;     ///< weight of the latest month in the smoothed margins (1/month)
  std::uint32_t min_history = 6;     ///< months of margins on each side before a before/after gain counts
  double value_learning_rate = 0.2;  ///< adaptive-expectations step toward the latest gain signal (1/month)
  double prior_value = 0.0;          ///< initial expected margin gain of membership (share of revenue)
  double decision_noise = 0.02;      ///< logit scale of the join choice (share of revenue)
  double entry_fee_months = 24.0;    ///< months over which a firm spreads a platform's entry fee
};

/** @brief Effects of platform services on members (calibrated to the source texts' case figures). */
struct PlatformServiceParams {
  double platform_candidates = 8;   ///< matchmaking: candidates drawn from the reachable member pool
  double logistics_fee = 0.005;     ///< shared logistics: fee users pay the platform (share of value shipped)
  double logistics_cost = 0.004;    ///< shared logistics: platform's handling cost (share of value shipped)
  double forecast_error_sd = 0.10;  ///< forecast error sd of final-stage firms, standard demand
  double c2m_share = 0.3;           ///< share of final demand that is personalised (C2M)
  double c2m_error_sd = 0.30;       ///< extra forecast error sd on personalised demand
  double forecast_error_cut = 0.6;  ///< forecasting service: error sd cut by this share
  double markdown_cost = 0.5;       ///< cost of unsold output as a share of unit cost
  double knowledge_contacts = 2;    ///< members met through the platform per month (no distance decay)
  double credit_months = 3.0;       ///< finance: credit line in months of revenue
  double interest_per_year = 0.0435;  ///< lender's interest rate on loans (share per year)
  double repayment_months = 12.0;     ///< a loan is repaid in instalments of loan / this, from cash
  double dispatch_share = 0.5;        ///< dispatch: share of overflow offered to idle members
};

/** @brief Platform economics (Heinrich & Gräbner 2019): fees learned by reinforcement, capacity, failure. */
struct PlatformEconomyParams {
  bool fee_learning = true;
  double fee_step = 0.1;                ///< relative fee change per quarterly move
  double fee_learning_rate = 0.2;       ///< Roth–Erev recency ("forgetting") rate
  double fee_ceiling = 0.2;             ///< highest fee (share of GMV) fee learning may reach
  double aspiration_rate = 0.25;        ///< weight of the latest quarter in the profit aspiration
  double fixed_cost = 2.0e5;            ///< operating cost per month (yuan)
  double cost_per_member = 50.0;        ///< operating cost per member per month (yuan)
  double cost_per_gflops = 200.0;       ///< data-centre cost per Gflop/s of capacity per month (yuan)
  double invest_above_load = 0.8;       ///< compute load above which the platform adds capacity
  double invest_step = 0.25;            ///< capacity added per investment (share)
  bool network_investment = true;       ///< platforms also invest in uplink and edge gateways
  double cost_per_gbps = 2000.0;        ///< data-centre uplink cost per Gbit/s per month (yuan)
  double edge_cost_per_member = 100.0;  ///< edge-gateway cost per member per month at full edge share (yuan)
  double edge_max = 0.9;                ///< largest share of device telemetry edge gateways can filter
  double initial_cash = 5.0e7;          ///< launch capital (yuan)
  std::uint32_t fail_loss_months = 24;  ///< months of losses with negative cash before failure
};

/** @brief How infrastructure levels map to links, and how much traffic and compute members create. */
struct InfrastructureParams {
  bool enabled = true;                  ///< off: no SimGrid layer; platforms never congest
  double bandwidth_min_mbps = 50.0;     ///< access bandwidth at level 0 (Mbit/s)
  double bandwidth_max_mbps = 10000.0;  ///< at level 1; geometric in between
  double latency_max_ms = 60.0;         ///< access latency at level 0 (ms)
  double latency_min_ms = 5.0;          ///< at level 1; linear in between
  double fibre_km_per_ms = 200.0;       ///< signal speed in fibre (km per ms)
  double uplink_gbps = 10.0;            ///< data-centre uplink (Gbit/s)
  double window_s = 1.0;                ///< length of the busy-period window simulated each tick (s)
  // Traffic by kind (docs/ODD.md 7.45): rates during the busy hours, calibrated to the seeds' scale figures.
  double devices_per_member = 250;  ///< connected devices per member firm (Feixiang: 1,000,000 / 4,000 firms)
  double telemetry_Bps_per_device = 1000;  ///< raw device telemetry before edge filtering (B/s per device)
  double order_bytes = 2000;               ///< one order message (B): 1 kB + 5 lines × 0.2 kB
  double orders_per_tie_month = 4;         ///< orders a platform supply tie places per month (weekly)
  double forecast_bytes_per_day = 1e7;     ///< C2M order and sales data a final-stage member uploads (B/day)
  double dispatch_bytes_per_day = 5e6;     ///< capacity status and offers per dispatching member (B/day)
  double design_bytes_per_day = 1e7;       ///< design data (CAD, specifications) per member (B/day)
  double busy_hours_per_day = 8;           ///< hours a day the traffic is sent at the simulated rate (h)
  double working_days_per_month = 22;      ///< days a month orders are placed
  double forecast_coherence_days = 3;  ///< C2M demand signal: predictive value halves in ln2 × this (days)
  double dispatch_window_hours = 4;    ///< dispatch must be agreed within this time of an order (h)
  double gflop_per_member = 0.05;      ///< matching and dispatch compute per member per second
  double gflop_forecast = 0.2;         ///< extra forecasting compute per final-stage member per second
};

/** @brief The 1+N middle platform: interconnection of platforms, and its three shared services (7.52). */
struct InterconnectionParams {
  double connect_rate = 0.01;      ///< monthly chance an unconnected platform joins voluntarily
  double sync_gflop = 0.02;        ///< middle-platform compute per interconnected member per second
  bool share_technology = true;    ///< technology: connected platforms run on the shared base capabilities
  double technology_saving = 0.3;  ///< share of a connected platform's compute and uplink cost saved
  bool share_data = true;          ///< data: members of connected platforms reach each other's members
  bool share_knowledge = true;     ///< knowledge: members of connected platforms use any connected app pool
};

/** @brief Switches of the services founded platforms offer: each offers those of its level (7.51) that are on
 * here. All on by default; `vicsim attribute` turns them off together with the declared platforms' services
 * (7.40). A service no level offers (cross-border matchmaking) has no key in the scenario format. */
struct FoundedServiceSwitches {
  sim::PlatformServices on{true, true, true, true, true, true, true};
};

/** @brief Endogenous platform founding by chain-masters and independent providers (7.50). */
struct FoundingParams {
  bool enabled = false;               ///< off: only the scenario's platforms exist
  std::uint32_t max_founded = 12;     ///< platform slots kept for founding (within the 32-platform limit)
  std::int32_t first_tick = 6;        ///< first month a founder may decide
  double launch_cost = 3.0e7;         ///< one-off set-up cost of a platform (yuan), paid to households
  double horizon_months = 60.0;       ///< months of expected profit a founder counts
  double discount_per_year = 0.08;    ///< founder's discount rate (share per year)
  double mediated_share = 0.5;        ///< share of a member's purchases the founder expects on the platform
  double expected_join_share = 0.5;   ///< share of ready reachable firms the founder expects to join
  double rival_weight = 1.0;          ///< expected members are divided by 1 + weight × rivals serving them
  double decision_rate = 0.1;         ///< monthly chance a founder with a positive case acts on it (1/month)
  double fee = 0.03;                  ///< transaction fee a founder sets (share), then learned (7.21)
  double entry_fee = 2000.0;          ///< entry fee a founder sets (yuan)
  double compute_per_firm = 0.5;      ///< compute a founder buys per reachable firm (Gflop/s)
  double regional_min_firms = 150.0;  ///< firms a region needs before a regional platform is considered
  FoundedServiceSwitches services;    ///< services founded platforms may offer (7.51)
};

/** @brief Point, line and surface as mechanism: what each level provides to the level below (7.51). */
struct HierarchyParams {
  bool enabled = true;  ///< off: levels are labels, no parent links, no inherited services
  double compute_saving =
      0.3;                 ///< share of a line's compute and uplink cost saved on its surface's data centre
  double data_rate = 0.1;  ///< monthly weight of the lines' GMV in the surface's data value
  double data_half_yuan = 5.0e7;  ///< data value (yuan/month of line GMV) at which surface finance is half on
  double app_rate = 0.05;  ///< apps added per unit of usage (member-month of the points and firms below)
  double app_depreciation = 0.02;  ///< monthly share of the app stock that goes out of date
  double app_half = 50.0;  ///< app stock at which a line's vertical apps are half as useful as possible
};

/** @brief Shared apps that member firms pay for (7.66–7.68): a platform's app stock cuts the order-cycle
 * hours of its subscribers' supplier coordination, with diminishing returns. */
struct AppsParams {
  bool enabled = true;       ///< off: no subscriptions, no app costs, no app traffic
  double saving_max = 0.48;  ///< share of coordination hours a complete app stock saves (share)
  double half_apps = 100.0;  ///< app stock at which half of saving_max is reached (apps)
  double fee_per_employee =
      16.7;  ///< monthly subscription per employee of the subscriber (yuan/employee/month)
  double cost_per_app =
      1840.0;  ///< platform's development and operation cost per hosted app (yuan/app/month)
  double bytes_per_day = 2.0e6;  ///< app traffic a subscriber sends to its platform (B/day, design-data kind)
};

/** @brief Paid in-plant digital services (7.102): equipment-data collection, a production-management
 * system and shop-floor apps that a firm buys through a platform it belongs to. They act inside the buyer's
 * plant (its production days, its shop-floor overhead, its own defects), never on a tie's terms. */
struct InPlantParams {
  bool enabled = true;          ///< off: nobody buys, no fee, no effect
  double fee_per_device = 2.0;  ///< monthly price per connected device (yuan/device/month); calibrated (7.89)
  double days_cut = 0.27;       ///< share of production days saved at full effect (share)
  double shop_floor_share =
      0.5;                      ///< share of the non-coordination overhead that is shop-floor records (share)
  double paperwork_cut = 0.61;  ///< share of shop-floor record hours saved at full effect (share)
  double defect_cut = 0.18;     ///< share of own defects removed at full effect (share)
  double ramp_months = 12.0;    ///< months over which the effect phases in after buying (months)
  double service_life_months =
      36.0;  ///< months a bought system serves: the buy decision's horizon (months, 7.107)
};

/** @brief Export demand from the rest of the world and platforms' cross-border matchmaking (7.78–7.80). */
struct CrossBorderParams {
  /** @brief Foreign demand for an industry's final goods if every firm were fully known to foreign buyers,
   * per unit of the scenario's final demand of that industry (units/unit); 0: no foreign demand. What
   * foreign buyers actually order is capped by the rest of the world's budget (docs/ODD.md 7.85). */
  double export_potential = 0.5;
  double offline_reach = 0.1;     ///< share of that demand a firm reaches by its own channels (share)
  double fee_per_month = 2483.0;  ///< fee of a platform's cross-border listing (yuan/firm/month)
  /** @brief Foreign income spent on the cluster's final goods, as the export share of final sales it
   * buys when households spend the scenario's final spending (share, < 1; 0: none, the default, because
   * the cluster then grows without bound, 7.95; the cited export share is 0.117). */
  double world_income_share = 0.0;
  /** @brief Growth of that income in the scenario's units (fraction per year, compounded monthly; 7.95). */
  double world_income_growth_per_year = 0.024;
};

/** @brief Platform-path and ecosystem stage thresholds live with their detector in sim/. */
using PlatformStageParams = sim::PlatformStageParams;

}  // namespace vicsim::agents
