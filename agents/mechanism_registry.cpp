#include "agents/mechanism_registry.hpp"

#include <cstring>
#include <string_view>

#include "agents/cross_border.hpp"
#include "agents/in_plant_services.hpp"
#include "agents/model_context.hpp"
#include "agents/shared_apps.hpp"

namespace vicsim::agents {

namespace {

// Present where a platform is declared or may be founded (7.40): founded platforms fee-learn, invest, rate,
// sit in the hierarchy and host apps and in-plant services as declared ones do.
constexpr const char* kDeclaredOrFounded = "platforms[*] | mechanisms.founding.enabled=true";

}  // namespace

const std::vector<Mechanism>& mechanism_registry() {
  // clang-format off
  static const std::vector<Mechanism> table = {
      // --- the firm economy ---
      {"supply_ties", "supply_ties", "firm economy",
       "Orders flow through supplier ties chosen by landed cost; off: every input is bought on the spot market",
       {{"mechanisms.trade.enabled", "false"}}, nullptr, "mechanisms.trade",
       {"suppliers_per_input", "local_candidates", "referral_candidates", "remote_candidates", "switch_probability",
        "switch_margin", "choice_sensitivity", "transaction_cost_base", "distance_scale_km", "load_value_yuan",
        "max_hold_days"},
       {"orders", "logistics lanes", "settlement", "supplier search"}, "",
       {"ties", "ties_formed", "local_tie_share", "cross_region_tie_share", "transaction_cost_per_unit",
        "transaction_cost_share", "lead_time_days", "spot_share", "chain_completeness"},
       "7.3–7.5"},
      {"export_demand", "export_demand", "firm economy",
       "The rest of the world orders final goods from the firms it reaches; off: no targeted export orders "
       "(under income_wealth the rest of the world still spends its budget on final goods pro rata, 7.70)",
       {{"mechanisms.cross_border.export_potential", "0"}}, nullptr, "mechanisms.cross_border",
       {"export_potential", "offline_reach"}, {"orders", "settlement"}, "", {"export_share"}, "7.78", nullptr,
       {{"export_share", "share", &sim::TickMetrics::export_share, export_share}}},
      {"imports", "imports", "firm economy",
       "Spot demand the cluster cannot make is imported; off: it is a lost sale",
       {{"mechanisms.trade.imports", "false"}}, nullptr, "mechanisms.trade", {"import_premium"}, {"orders"}, "",
       {"lost_sales_share"}, "7.3"},
      {"household_consumption", "household_consumption", "firm economy",
       "Households spend out of last month's income and their deposits, and firms and platforms pay dividends; "
       "off: final demand is the scenario's and household deposits absorb the gap (7.15a)",
       {{"mechanisms.households.consumption", "\"exogenous\""}}, nullptr, "mechanisms.households",
       {"consumption", "propensity_income", "propensity_wealth", "dividend_share", "import_propensity"},
       {"household consumption", "orders", "dividends"}, "", {}, "7.69–7.71"},
      {"tie_decay", "tie_decay", "firm economy", "Ties dissolve with a trust-dependent hazard",
       {{"mechanisms.ties.decay_enabled", "false"}}, nullptr, "mechanisms.ties",
       {"new_tie_half_life_months", "trusted_tie_annual_survival", "trust_gain"}, {"tie decay"}, "",
       {"ties_dissolved", "supply_trust"}, "7.7"},
      {"innovation", "knowledge_creation", "firm economy", "Nelson–Winter innovation draws toward a latent frontier",
       {{"mechanisms.knowledge.innovation_enabled", "false"}}, nullptr, "mechanisms.knowledge",
       {"innovation_rate", "reference_employees", "size_elasticity", "frontier_growth_per_year", "innovation_sd"},
       {"learning"}, "", {"innovations", "innovation_share"}, "7.9"},
      {"spillovers", "knowledge_creation", "firm economy", "Imitation of partners and co-located firms",
       {{"mechanisms.knowledge.spillover_enabled", "false"}}, nullptr, "mechanisms.knowledge",
       {"imitation_rate", "imitation_gap_closed", "half_distance_km", "local_contacts"}, {"learning"}, "",
       {"imitations"}, "7.9"},
      {"collaboration", "collaboration", "firm economy", "Horizontal collaboration ties by triadic closure",
       {{"mechanisms.knowledge.collaboration_enabled", "false"}}, nullptr, "mechanisms.knowledge",
       {"collaboration_probability", "max_collaborators"}, {"collaboration"}, "",
       {"clustering", "cross_industry_tie_share", "member_collaboration"}, "7.8"},
      {"entry", "demography", "firm economy", "Poisson entry of new firms, located by a logit location choice",
       {{"mechanisms.demography.entry_enabled", "false"}}, nullptr, "mechanisms.demography",
       {"entry_rate", "entry_margin_sensitivity", "entrant_size_max", "agglomeration_weight", "endowment_weight",
        "cost_weight", "barrier_weight"},
       {"entry"}, "", {"entries", "relocations"}, "7.12"},
      {"exit", "demography", "firm economy", "Exit by insolvency (loans beyond cash plus credit line) or, if exit_loss_months > 0, after that many "
       "months of losses",
       {{"mechanisms.demography.exit_enabled", "false"}}, nullptr, "mechanisms.demography", {"exit_loss_months"},
       {"exit", "exit closing"}, "", {"exits", "sme_survival"}, "7.11"},
      {"capacity_adjustment", "demography", "firm economy", "Hiring and shedding by utilisation, with Gibrat noise",
       {{"mechanisms.demography.capacity_adjustment_enabled", "false"}}, nullptr, "mechanisms.demography",
       {"expand_above", "shrink_below", "adjustment_rate", "growth_noise_sd"}, {"capacity"}, "",
       {"employees", "capacity_utilisation"}, "7.10"},
      // --- the digital layer ---
      {"cloud_adoption", "cloud_adoption", "digital layer",
       "Firms go on the cloud (Bass or Watts) and join platforms",
       {{"mechanisms.adoption.enabled", "false"}}, nullptr, "mechanisms.adoption",
       {"bass_p", "bass_q", "partner_weight", "infrastructure_floor", "cloud_cost_fixed", "join_p", "join_q",
        "owner_pull", "leave_rate", "multihoming_discount"},
       {"adoption and joining"}, "",
       {"cloud_adoption_share", "sme_adoption_share", "large_adoption_share", "digital_divide_gap",
        "platform_member_share", "multihoming_share"},
       "7.16–7.17"},
      {"platforms", "platforms", "digital layer",
       "Platforms launch on their launch_tick; off: none launches on its own, but a cultivation policy naming a "
       "platform or a 1+N mandate (the middle platform) still launches it",
       {{"platforms[*].launch_tick", "-1"}}, "platforms[*]", "platforms[*]",
       {"launch_tick", "entry_fee", "transaction_fee", "compute_gflops"},
       {"platform roster", "platform month", "platform costs", "platform accounts"}, "",
       {"platforms_alive", "platform_hhi", "platform_gmv", "platform_fee_revenue", "fee_share_of_gmv"}, "7.21"},
      {"fee_learning", "platforms", "digital layer", "Platforms learn their fees by reinforcement (quarterly)",
       {{"mechanisms.platform_economy.fee_learning", "false"}}, kDeclaredOrFounded, "mechanisms.platform_economy",
       {"fee_step", "fee_learning_rate", "fee_ceiling", "aspiration_rate"}, {"platform accounts"}, "", {}, "7.21"},
      {"network_investment", "platforms", "digital layer",
       "Platforms invest in their binding network resource (uplink or edge gateways)",
       {{"mechanisms.platform_economy.network_investment", "false"}}, kDeclaredOrFounded, "mechanisms.platform_economy",
       {"cost_per_gbps", "edge_cost_per_member", "edge_max"}, {"platform accounts"}, "", {}, "7.21, 7.23"},
      {"platform_ratings", "platform_ratings", "digital layer",
       "Members' delivery records visible as ratings (information, 7.31); off: platform information equals offline",
       {{"mechanisms.information.rating_visibility", "0"}},
       kDeclaredOrFounded, "mechanisms.information", {"rating_visibility"},
       {"tie channels", "supplier search", "settlement"}, "", {"platform_tie_share"}, "7.31"},
      {"platform_founding", "platform_founding", "digital layer",
       "Chain-masters and independent providers found platforms when the expected profit covers launch cost and risk",
       {{"mechanisms.founding.enabled", "false"}}, nullptr, "mechanisms.founding",
       {"launch_cost", "discount_per_year", "horizon_months", "fee"}, {"platform founding"}, "", {}, "7.50"},
      {"one_plus_n", "one_plus_n", "digital layer",
       "1+N: platforms connected to the middle platform share data (members reach each other's members), "
       "knowledge (apps) and technology (compute and uplink savings); off: they connect but share nothing",
       {{"mechanisms.interconnection.share_data", "false"},
        {"mechanisms.interconnection.share_knowledge", "false"},
        {"mechanisms.interconnection.share_technology", "false"}},
       "platforms[level=middle]", "mechanisms.interconnection",
       {"connect_rate", "share_data", "share_knowledge", "share_technology", "technology_saving"},
       {"platform roster", "service access", "platform costs"}, "mechanisms.interconnection.sync_gflop", {},
       "7.22, 7.52"},
      {"platform_hierarchy", "platform_hierarchy", "digital layer",
       "Point, line and surface: surfaces serve lines, lines serve points, with data-value and app-stock feedback",
       {{"mechanisms.hierarchy.enabled", "false"}}, kDeclaredOrFounded, "mechanisms.hierarchy",
       {"compute_saving", "data_rate", "app_rate"}, {"service access"}, "", {}, "7.51"},
      {"infrastructure_layer", "infrastructure_layer", "digital layer",
       "SimGrid network and compute model of platform traffic; off: platforms never congest and order "
       "messages, offline ones too, take no network time",
       {{"mechanisms.infrastructure.enabled", "false"}}, nullptr, "mechanisms.infrastructure",
       {"bandwidth_min_mbps", "bandwidth_max_mbps", "uplink_gbps", "window_s"},
       {"infrastructure push", "service times", "orders", "settlement"},
       "mechanisms.infrastructure.devices_per_member, telemetry_Bps_per_device, order_bytes, orders_per_tie_month, "
       "design_bytes_per_day, gflop_per_member",
       {"service_latency_ms", "max_congestion"}, "7.23"},
      {"shared_apps", "shared_apps", "digital layer",
       "Members subscribe to a platform's shared apps when the saved coordination hours are worth more than the fee",
       {{"mechanisms.apps.enabled", "false"}}, kDeclaredOrFounded, "mechanisms.apps",
       {"saving_max", "half_apps", "fee_per_employee", "cost_per_app"},
       {"service times", "settlement", "app subscriptions", "platform costs"},
       "mechanisms.apps.bytes_per_day (design-data traffic kind)", {"app_subscriber_share"}, "7.66–7.68", nullptr,
       {{"app_subscriber_share", "share", &sim::TickMetrics::app_subscriber_share, app_subscriber_share}}},
      {"in_plant_services", "in_plant_services", "digital layer",
       "Firms buy in-plant digital services through a platform when the expected in-plant saving, weighed by its "
       "ramp, exceeds the price",
       {{"mechanisms.in_plant.enabled", "false"}}, kDeclaredOrFounded, "mechanisms.in_plant",
       {"fee_per_device", "days_cut", "shop_floor_share", "paperwork_cut", "defect_cut", "ramp_months",
        "service_life_months"},
       {"in-plant services", "settlement", "learning"}, "", {"in_plant_share"}, "7.102", nullptr,
       {{"in_plant_share", "share", &sim::TickMetrics::in_plant_share, in_plant_share}}},
      // --- platform services (per platform, platforms[*].services) ---
      {"matchmaking", "matchmaking", "platform service",
       "Search of the reachable member pool across regions and industries, and the marketplace for shortfalls",
       {{"platforms[*].services.matchmaking", "false"}, {"mechanisms.founding.services.matchmaking", "false"}},
       kDeclaredOrFounded, "mechanisms.services",
       {"platform_candidates"}, {"service access", "supplier search", "orders"}, "",
       {"platform_cross_region"}, "7.18", &sim::PlatformServices::matchmaking},
      {"dispatch", "dispatch", "platform service", "Members' excess orders go to idle member capacity",
       {{"platforms[*].services.dispatch", "false"}, {"mechanisms.founding.services.dispatch", "false"}},
       kDeclaredOrFounded, "mechanisms.services", {"dispatch_share"},
       {"service access", "orders", "settlement"}, "mechanisms.infrastructure.dispatch_bytes_per_day",
       {"dispatched_units"}, "7.20", &sim::PlatformServices::dispatch},
      {"forecasting", "forecasting", "platform service", "C2M demand forecasting cuts final-stage forecast error",
       {{"platforms[*].services.forecasting", "false"}, {"mechanisms.founding.services.forecasting", "false"}},
       kDeclaredOrFounded, "mechanisms.services",
       {"forecast_error_sd", "c2m_share", "c2m_error_sd", "forecast_error_cut", "markdown_cost"},
       {"service access", "orders"},
       "mechanisms.infrastructure.gflop_forecast, forecast_bytes_per_day", {}, "7.20",
       &sim::PlatformServices::forecasting},
      {"knowledge_sharing", "knowledge_sharing", "platform service",
       "Knowledge and app sharing: platform contacts for imitation across regions",
       {{"platforms[*].services.knowledge", "false"}, {"mechanisms.founding.services.knowledge", "false"}},
       kDeclaredOrFounded, "mechanisms.services",
       {"knowledge_contacts"}, {"service access", "learning"}, "", {}, "7.18", &sim::PlatformServices::knowledge},
      {"finance", "finance", "platform service", "Data-driven credit lines in months of revenue",
       {{"platforms[*].services.finance", "false"}, {"mechanisms.founding.services.finance", "false"}},
       kDeclaredOrFounded, "mechanisms.services",
       {"credit_months", "interest_per_year", "repayment_months"}, {"service access", "credit lines", "credit"}, "",
       {"loan_write_offs"}, "7.18", &sim::PlatformServices::finance},
      {"logistics", "logistics", "platform service", "Pooled shipment consolidation for a fee shortens the wait for a load",
       {{"platforms[*].services.logistics", "false"}, {"mechanisms.founding.services.logistics", "false"}},
       kDeclaredOrFounded, "mechanisms.services",
       {"logistics_fee", "logistics_cost"}, {"logistics lanes", "settlement"}, "", {}, "7.60", &sim::PlatformServices::logistics},
      {"cross_border", "cross_border", "platform service",
       "Cross-border matchmaking: members pay to be listed for foreign buyers with their platform record",
       {{"platforms[*].services.cross_border", "false"}}, "platforms[*]", "mechanisms.cross_border",
       {"fee_per_month"}, {"orders", "settlement"}, "", {"platform_export_share", "cross_border_subscriber_share"},
       "7.78–7.80", &sim::PlatformServices::cross_border,
       {{"platform_export_share", "share", &sim::TickMetrics::platform_export_share, platform_export_share},
        {"cross_border_subscriber_share", "share", &sim::TickMetrics::cross_border_subscriber_share,
         cross_border_subscriber_share}}},
  };
  // clang-format on
  return table;
}

std::vector<const char*> mechanism_groups() {
  std::vector<const char*> groups;
  for (const auto& m : mechanism_registry()) {
    bool seen = false;
    for (const char* g : groups) seen = seen || std::string_view(g) == m.group;
    if (!seen) groups.push_back(m.group);
  }
  return groups;
}

const char* service_key(const Mechanism& m) {
  if (m.switches.empty()) return "";
  const char* dot = std::strrchr(m.switches.front().path, '.');
  return dot ? dot + 1 : m.switches.front().path;
}

const std::vector<sim::Column>& timeseries_columns() {
  static const std::vector<sim::Column> cols = [] {
    std::vector<sim::Column> v = sim::columns();
    for (const auto& m : mechanism_registry())
      for (const auto& col : m.columns) v.push_back({col.name, col.unit, col.member});
    return v;
  }();
  return cols;
}

void fill_mechanism_columns(const ModelContext& c, sim::TickMetrics& m) {
  for (const auto& mech : mechanism_registry())
    for (const auto& col : mech.columns) m.*(col.member) = col.compute(c);
}

}  // namespace vicsim::agents
