#include "reports/kpi_catalog.hpp"

#include <array>

namespace vicsim::reports {

namespace {

struct Entry {
  std::string_view name, label, unit;
  KpiKind kind;
};

constexpr std::array kCatalogue = {
    Entry{"firms", "number of firms", "count", KpiKind::Count},
    Entry{"entries", "firm entries", "firms per month", KpiKind::Count},
    Entry{"exits", "firm exits", "firms per month", KpiKind::Count},
    Entry{"relocations", "relocations", "firms per month", KpiKind::Count},
    Entry{"sme_share", "SME share", "", KpiKind::Share},
    Entry{"employees", "employment", "workers", KpiKind::Count},
    Entry{"output", "gross output", "yuan per month", KpiKind::Money},
    Entry{"real_output", "real output (month-1 prices)", "yuan per month", KpiKind::Money},
    Entry{"value_added", "value added", "yuan per month", KpiKind::Money},
    Entry{"profit", "profit", "yuan per month", KpiKind::Money},
    Entry{"productivity_mean", "mean productivity", "units per worker per month", KpiKind::Index},
    Entry{"productivity_sd", "productivity dispersion (sd)", "units per worker per month", KpiKind::Index},
    Entry{"innovations", "innovations", "per month", KpiKind::Count},
    Entry{"imitations", "imitations", "per month", KpiKind::Count},
    Entry{"innovation_share", "share of firms innovating", "", KpiKind::Share},
    Entry{"ties", "ties", "count", KpiKind::Count},
    Entry{"ties_formed", "ties formed", "per month", KpiKind::Count},
    Entry{"ties_dissolved", "ties dissolved", "per month", KpiKind::Count},
    Entry{"local_tie_share", "local tie share", "", KpiKind::Share},
    Entry{"cross_region_tie_share", "cross-regional tie share", "", KpiKind::Share},
    Entry{"cross_industry_tie_share", "cross-industry tie share", "", KpiKind::Share},
    Entry{"density", "network density", "", KpiKind::Index},
    Entry{"mean_degree", "mean degree", "ties per firm", KpiKind::Index},
    Entry{"clustering", "clustering coefficient", "", KpiKind::Index},
    Entry{"giant_component_share", "giant component share", "", KpiKind::Share},
    Entry{"components", "network components", "count", KpiKind::Count},
    Entry{"mean_path_length", "mean path length", "steps", KpiKind::Index},
    Entry{"modularity", "modularity", "", KpiKind::Index},
    Entry{"degree_tail_exponent", "degree tail exponent", "", KpiKind::Index},
    Entry{"eg_index", "Ellison–Glaeser concentration", "index", KpiKind::Index},
    Entry{"top_region_share", "top-region employment share", "", KpiKind::Share},
    Entry{"transaction_cost_per_unit", "transaction cost per unit", "yuan per unit", KpiKind::Money},
    Entry{"transaction_cost_share", "transaction cost share", "", KpiKind::Share},
    Entry{"lead_time_days", "delivery lead time", "days", KpiKind::Days},
    Entry{"capacity_utilisation", "capacity utilisation", "", KpiKind::Share},
    Entry{"spot_share", "spot-market share", "", KpiKind::Share},
    Entry{"chain_completeness", "value-chain completeness", "", KpiKind::Share},
    Entry{"supply_trust", "supply-tie trust", "index", KpiKind::Index},
    Entry{"adoption_share", "platform adoption share", "", KpiKind::Share},
    Entry{"cloud_adoption_share", "cloud adoption share", "", KpiKind::Share},
    Entry{"large_adoption_share", "large-firm cloud adoption share", "", KpiKind::Share},
    Entry{"platform_member_share", "platform membership share", "", KpiKind::Share},
    Entry{"sme_participation", "SME platform participation", "", KpiKind::Share},
    Entry{"platforms_alive", "platforms", "count", KpiKind::Count},
    Entry{"platform_tie_share", "share of ties formed on platforms", "", KpiKind::Share},
    Entry{"platform_cross_region", "cross-regional share of platform ties", "", KpiKind::Share},
    Entry{"member_collaboration", "members with platform collaboration", "", KpiKind::Share},
    Entry{"chain_coverage", "value-chain coverage of platforms", "", KpiKind::Share},
    Entry{"platform_gmv", "platform trade (GMV)", "yuan per month", KpiKind::Money},
    Entry{"cross_platform_share", "cross-platform trade share", "", KpiKind::Share},
    Entry{"dispatched_units", "units dispatched to idle capacity", "units per month", KpiKind::Count},
    Entry{"interconnected_share", "platforms connected to the middle platform", "", KpiKind::Share},
    Entry{"mutual_share", "mutually dependent platforms", "", KpiKind::Share},
    Entry{"service_latency_ms", "platform service latency", "ms", KpiKind::Other},
    Entry{"max_congestion", "worst platform congestion", "ratio", KpiKind::Index},
    Entry{"quality", "quality (1 − defect rate)", "", KpiKind::Share},
    Entry{"management_efficiency", "management efficiency", "yuan of output per yuan", KpiKind::Index},
    Entry{"unit_total_cost", "total cost per yuan of revenue", "", KpiKind::Index},
    Entry{"policy_spend_cumulative", "cumulative policy spending", "yuan", KpiKind::Money},
    Entry{"platform_path_stage", "platform-led path stage", "0–3", KpiKind::Index},
    Entry{"ecosystem_stage", "platform ecosystem stage", "0–3", KpiKind::Index},
    Entry{"sme_adoption_share", "SME adoption share", "", KpiKind::Share},
    Entry{"multihoming_share", "multi-homing share", "", KpiKind::Share},
    Entry{"memberships", "platform memberships", "count", KpiKind::Count},
    Entry{"platform_hhi", "platform concentration (HHI)", "index", KpiKind::Index},
    Entry{"digital_divide_gap", "digital-divide gap", "", KpiKind::Share},
    Entry{"policy_spend", "policy spending", "yuan per month", KpiKind::Money},
    Entry{"cumulative_spend", "cumulative policy spending", "yuan", KpiKind::Money},
    Entry{"platform_stage", "platform ecosystem stage", "1.0–3.0", KpiKind::Index},
    Entry{"stage", "traditional path stage", "0–3", KpiKind::Index},
    Entry{"wage_bill", "wage bill", "yuan per month", KpiKind::Money},
    Entry{"household_income", "household income", "yuan per month", KpiKind::Money},
    Entry{"cpi", "consumer price index (month 1 = 1)", "index", KpiKind::Index},
    Entry{"real_household_income", "real household income (month-1 prices)", "yuan per month",
          KpiKind::Money},
    Entry{"theil_output_per_worker", "regional inequality (Theil, output per worker)", "index",
          KpiKind::Index},
    Entry{"sme_survival", "SME survival rate", "", KpiKind::Share},
    Entry{"platform_fee_revenue", "platform fee revenue", "yuan per month", KpiKind::Money},
    Entry{"fee_share_of_gmv", "platform fees as a share of GMV", "", KpiKind::Share},
    Entry{"platform_gmv_hhi", "platform market concentration (HHI of GMV)", "index", KpiKind::Index},
    Entry{"lost_sales_share", "lost sales (orders not delivered)", "", KpiKind::Share},
    Entry{"loan_write_offs", "loans written off", "yuan per month", KpiKind::Money},
    Entry{"voucher_windfall", "vouchers to firms already on the cloud", "yuan per month", KpiKind::Money},
    Entry{"output_per_worker", "output per worker", "yuan per worker per month", KpiKind::Money},
};

std::string humanise(std::string_view column) {
  std::string s(column);
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

KpiInfo kpi_info(std::string_view column) {
  for (const auto& e : kCatalogue)
    if (e.name == column) return {std::string(e.name), std::string(e.label), std::string(e.unit), e.kind};
  KpiInfo k{std::string(column), humanise(column), "", KpiKind::Other};
  if (ends_with(column, "_share") || ends_with(column, "_rate")) k.kind = KpiKind::Share;
  if (ends_with(column, "_yuan") || ends_with(column, "spend")) k.kind = KpiKind::Money;
  if (ends_with(column, "_days")) k.kind = KpiKind::Days;
  return k;
}

const std::vector<std::string>& headline_kpis() {
  static const std::vector<std::string> k = {"firms",
                                             "output",
                                             "productivity_mean",
                                             "adoption_share",
                                             "cloud_adoption_share",
                                             "platform_member_share",
                                             "sme_participation",
                                             "sme_share",
                                             "local_tie_share",
                                             "cross_region_tie_share",
                                             "cross_industry_tie_share",
                                             "clustering",
                                             "eg_index",
                                             "transaction_cost_per_unit",
                                             "lead_time_days",
                                             "capacity_utilisation",
                                             "giant_component_share",
                                             "platform_hhi",
                                             "digital_divide_gap",
                                             "innovation_share",
                                             "policy_spend_cumulative",
                                             "wage_bill",
                                             "real_household_income",
                                             "profit",
                                             "theil_output_per_worker",
                                             "sme_survival",
                                             "fee_share_of_gmv",
                                             "platform_gmv_hhi",
                                             "lost_sales_share"};
  return k;
}

bool is_identifier_column(std::string_view c) {
  return c == "tick" || c == "seed" || c == "scenario" || c == "arm" || c == "replication" || c == "run_id" ||
         c == "point" || c == "region" || c == "treated" || ends_with(c, "stage_name");
}

}  // namespace vicsim::reports
