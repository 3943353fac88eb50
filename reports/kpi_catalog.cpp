#include "reports/kpi_catalog.hpp"

#include <array>

namespace vicsim::reports {

namespace {

struct Entry {
  std::string_view name, label, unit;
  KpiKind kind;
  Direction direction;
  bool input = false;
};

constexpr std::array kCatalogue = {
    Entry{"firms", "number of firms", "count", KpiKind::Count, Direction::HigherIsBetter},
    Entry{"entries", "firm entries", "firms per month", KpiKind::Count, Direction::HigherIsBetter},
    Entry{"exits", "firm exits", "firms per month", KpiKind::Count, Direction::LowerIsBetter},
    Entry{"relocations", "relocations", "firms per month", KpiKind::Count, Direction::Neutral},
    Entry{"sme_share", "SME share", "", KpiKind::Share, Direction::Neutral},
    Entry{"employees", "employment", "workers", KpiKind::Count, Direction::HigherIsBetter},
    Entry{"output", "gross output", "yuan per month", KpiKind::Money, Direction::HigherIsBetter},
    Entry{"real_output", "real output (month-1 prices)", "yuan per month", KpiKind::Money,
          Direction::HigherIsBetter},
    Entry{"value_added", "value added", "yuan per month", KpiKind::Money, Direction::HigherIsBetter},
    Entry{"profit", "profit", "yuan per month", KpiKind::Money, Direction::HigherIsBetter},
    Entry{"productivity_mean", "mean productivity", "units per worker per month", KpiKind::Index,
          Direction::HigherIsBetter},
    Entry{"productivity_sd", "productivity dispersion (sd)", "units per worker per month", KpiKind::Index,
          Direction::Neutral},
    Entry{"innovations", "innovations", "per month", KpiKind::Count, Direction::HigherIsBetter},
    Entry{"imitations", "imitations", "per month", KpiKind::Count, Direction::HigherIsBetter},
    Entry{"innovation_share", "share of firms innovating", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"ties", "ties", "count", KpiKind::Count, Direction::Neutral},
    Entry{"ties_formed", "ties formed", "per month", KpiKind::Count, Direction::Neutral},
    Entry{"ties_dissolved", "ties dissolved", "per month", KpiKind::Count, Direction::Neutral},
    Entry{"local_tie_share", "local tie share", "", KpiKind::Share, Direction::Neutral},
    Entry{"cross_region_tie_share", "cross-regional tie share", "", KpiKind::Share, Direction::Neutral},
    Entry{"cross_industry_tie_share", "cross-industry tie share", "", KpiKind::Share, Direction::Neutral},
    Entry{"density", "network density", "", KpiKind::Index, Direction::Neutral},
    Entry{"mean_degree", "mean degree", "ties per firm", KpiKind::Index, Direction::Neutral},
    Entry{"clustering", "clustering coefficient", "", KpiKind::Index, Direction::Neutral},
    Entry{"giant_component_share", "giant component share", "", KpiKind::Share, Direction::Neutral},
    Entry{"components", "network components", "count", KpiKind::Count, Direction::Neutral},
    Entry{"mean_path_length", "mean path length", "steps", KpiKind::Index, Direction::Neutral},
    Entry{"modularity", "modularity", "", KpiKind::Index, Direction::Neutral},
    Entry{"degree_tail_exponent", "degree tail exponent", "", KpiKind::Index, Direction::Neutral},
    Entry{"eg_index", "Ellison–Glaeser concentration", "index", KpiKind::Index, Direction::Neutral},
    Entry{"top_region_share", "top-region employment share", "", KpiKind::Share, Direction::Neutral},
    Entry{"transaction_cost_per_unit", "transaction cost per unit", "yuan per unit", KpiKind::Money,
          Direction::LowerIsBetter},
    Entry{"transaction_cost_share", "transaction cost share", "", KpiKind::Share, Direction::LowerIsBetter},
    Entry{"lead_time_days", "delivery lead time", "days", KpiKind::Days, Direction::LowerIsBetter},
    Entry{"capacity_utilisation", "capacity utilisation", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"spot_share", "spot-market share", "", KpiKind::Share, Direction::Neutral},
    Entry{"chain_completeness", "value-chain completeness", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"supply_trust", "supply-tie trust", "index", KpiKind::Index, Direction::HigherIsBetter},
    Entry{"adoption_share", "platform adoption share", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"cloud_adoption_share", "cloud adoption share", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"large_adoption_share", "large-firm cloud adoption share", "", KpiKind::Share,
          Direction::HigherIsBetter},
    Entry{"platform_member_share", "platform membership share", "", KpiKind::Share,
          Direction::HigherIsBetter},
    Entry{"sme_participation", "SME platform participation", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"platforms_alive", "platforms", "count", KpiKind::Count, Direction::Neutral},
    Entry{"platform_tie_share", "share of ties formed on platforms", "", KpiKind::Share, Direction::Neutral},
    Entry{"platform_cross_region", "cross-regional share of platform ties", "", KpiKind::Share,
          Direction::Neutral},
    Entry{"member_collaboration", "members with platform collaboration", "", KpiKind::Share,
          Direction::HigherIsBetter},
    Entry{"chain_coverage", "value-chain coverage of platforms", "", KpiKind::Share,
          Direction::HigherIsBetter},
    Entry{"platform_gmv", "platform trade (GMV)", "yuan per month", KpiKind::Money, Direction::Neutral},
    Entry{"cross_platform_share", "cross-platform trade share", "", KpiKind::Share, Direction::Neutral},
    Entry{"dispatched_units", "units dispatched to idle capacity", "units per month", KpiKind::Count,
          Direction::HigherIsBetter},
    Entry{"interconnected_share", "platforms connected to the middle platform", "", KpiKind::Share,
          Direction::HigherIsBetter},
    Entry{"mutual_share", "mutually dependent platforms", "", KpiKind::Share, Direction::Neutral},
    Entry{"service_latency_ms", "platform service latency", "ms", KpiKind::Other, Direction::LowerIsBetter},
    Entry{"max_congestion", "worst platform congestion", "ratio", KpiKind::Index, Direction::LowerIsBetter},
    Entry{"quality", "quality (1 − defect rate)", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"management_efficiency", "management efficiency", "yuan of output per yuan", KpiKind::Index,
          Direction::HigherIsBetter},
    Entry{"unit_total_cost", "total cost per yuan of revenue", "", KpiKind::Index, Direction::LowerIsBetter},
    Entry{"policy_spend_cumulative", "cumulative policy spending", "yuan", KpiKind::Money,
          Direction::LowerIsBetter},
    Entry{"platform_path_stage", "platform-led path stage", "0–3", KpiKind::Index, Direction::Neutral},
    Entry{"ecosystem_stage", "platform ecosystem stage", "0–3", KpiKind::Index, Direction::Neutral},
    Entry{"sme_adoption_share", "SME adoption share", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"multihoming_share", "multi-homing share", "", KpiKind::Share, Direction::Neutral},
    Entry{"memberships", "platform memberships", "count", KpiKind::Count, Direction::Neutral},
    Entry{"platform_hhi", "platform concentration (HHI)", "index", KpiKind::Index, Direction::LowerIsBetter},
    Entry{"digital_divide_gap", "digital-divide gap", "", KpiKind::Share, Direction::LowerIsBetter},
    Entry{"policy_spend", "policy spending", "yuan per month", KpiKind::Money, Direction::LowerIsBetter},
    Entry{"cumulative_spend", "cumulative policy spending", "yuan", KpiKind::Money, Direction::LowerIsBetter},
    Entry{"platform_stage", "platform ecosystem stage", "1.0–3.0", KpiKind::Index, Direction::Neutral},
    Entry{"stage", "traditional path stage", "0–3", KpiKind::Index, Direction::Neutral},
    Entry{"wage_bill", "wage bill", "yuan per month", KpiKind::Money, Direction::Neutral},
    Entry{"household_income", "household income", "yuan per month", KpiKind::Money,
          Direction::HigherIsBetter},
    Entry{"cpi", "consumer price index (month 1 = 1)", "index", KpiKind::Index, Direction::Neutral},
    Entry{"real_household_income", "real household income (month-1 prices)", "yuan per month", KpiKind::Money,
          Direction::HigherIsBetter},
    Entry{"theil_output_per_worker", "regional inequality (Theil, output per worker)", "index",
          KpiKind::Index, Direction::LowerIsBetter},
    Entry{"sme_survival", "SME survival rate", "", KpiKind::Share, Direction::HigherIsBetter},
    Entry{"platform_fee_revenue", "platform fee revenue", "yuan per month", KpiKind::Money,
          Direction::Neutral},
    Entry{"fee_share_of_gmv", "platform fees as a share of GMV", "", KpiKind::Share,
          Direction::LowerIsBetter},
    Entry{"platform_gmv_hhi", "platform market concentration (HHI of GMV)", "index", KpiKind::Index,
          Direction::LowerIsBetter},
    Entry{"lost_sales_share", "lost sales (orders not delivered)", "", KpiKind::Share,
          Direction::LowerIsBetter},
    Entry{"loan_write_offs", "loans written off", "yuan per month", KpiKind::Money, Direction::LowerIsBetter},
    Entry{"voucher_windfall", "vouchers to firms already on the cloud", "yuan per month", KpiKind::Money,
          Direction::LowerIsBetter},
    Entry{"output_per_worker", "output per worker", "yuan per worker per month", KpiKind::Money,
          Direction::HigherIsBetter},
    Entry{"access_load", "worst access-route load", "ratio", KpiKind::Index, Direction::LowerIsBetter},
    // Derived by pilot_effect.csv: firms on at least one platform (adoption share × firms) and on the cloud.
    Entry{"adopters", "firms on a platform", "firms", KpiKind::Count, Direction::HigherIsBetter},
    Entry{"cloud_adopters", "firms on the cloud", "firms", KpiKind::Count, Direction::HigherIsBetter},
    // A policy lever, not a result: never reported as an outcome.
    Entry{"infrastructure", "digital infrastructure level", "0–1", KpiKind::Index, Direction::Neutral, true},
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
    if (e.name == column)
      return {std::string(e.name), std::string(e.label), std::string(e.unit), e.kind, e.direction, e.input};
  KpiInfo k{std::string(column), humanise(column), "", KpiKind::Other};
  if (ends_with(column, "_share") || ends_with(column, "_rate")) k.kind = KpiKind::Share;
  if (ends_with(column, "_yuan") || ends_with(column, "spend")) k.kind = KpiKind::Money;
  if (ends_with(column, "_days")) k.kind = KpiKind::Days;
  return k;
}

int improvement_sign(const KpiInfo& k, double diff) {
  if (!(diff != 0) || k.direction == Direction::Neutral) return 0;
  return (diff > 0) == (k.direction == Direction::HigherIsBetter) ? 1 : -1;
}

const char* change_class(const KpiInfo& k, double diff) {
  const int s = improvement_sign(k, diff);
  return s > 0 ? "better" : s < 0 ? "worse" : "changed";
}

std::string cost_unit(const KpiInfo& k) {
  if (k.kind == KpiKind::Share) return "percentage point";
  if (k.name == "employees") return "worker";
  if (k.name == "firms") return "firm";
  if (k.name == "adopters") return "firm on a platform";
  if (k.name == "cloud_adopters") return "firm on the cloud";
  if (k.kind == KpiKind::Days) return "day";
  if (k.unit == "yuan per month") return "yuan of monthly " + k.label;
  if (k.unit.rfind("yuan per ", 0) == 0) return "yuan";
  if (!k.unit.empty() && k.unit.find(' ') == std::string::npos && k.unit != "count" && k.unit != "index")
    return k.unit;  // e.g. "ms"
  return "unit of " + k.label;
}

std::string cost_phrase(const KpiInfo& k) {
  const std::string noun = cost_unit(k);
  if (k.direction == Direction::LowerIsBetter) return "per " + noun + " off the " + k.label;
  return "per extra " + noun + (k.kind == KpiKind::Share ? " of " + k.label : "");
}

const std::vector<std::string>& headline_kpis() {
  static const std::vector<std::string> k = {"firms",
                                             "real_output",
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

std::string facet_label(const KpiInfo& k) {
  if (k.kind == KpiKind::Share) return k.label + " (%)";
  if (!k.unit.empty() && k.unit != "index" && k.unit != "count") return k.label + " (" + k.unit + ")";
  return k.label;
}

}  // namespace vicsim::reports
