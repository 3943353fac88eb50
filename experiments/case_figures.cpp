#include "experiments/case_figures.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "agents/platform_services.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"
#include "sim/tie_delivery.hpp"

namespace vicsim::experiments {

const std::array<CaseFigureInfo, 4>& case_figure_table() {
  static const std::array<CaseFigureInfo, 4> t = {{
      {CaseFigure::DeliveryTime, "delivery_time", "delivery time", "Ruifang die-casting −20%", -0.35, -0.08,
       "emergent (own deliveries: order handling, lateness, consolidation, 7.98; in-plant production days, "
       "7.102)"},
      {CaseFigure::TotalCost, "total_cost", "total cost", "Ruifang −8%", -0.15, -0.02,
       "emergent; dispatch_share calibrated to it; in-plant services' price and savings (7.102)"},
      {CaseFigure::Quality, "quality", "quality", "Ruifang +5%", 0.02, 0.10,
       "emergent (7.34): supplier information, digital maturity, in-plant services' defect cut (7.102)"},
      {CaseFigure::ManagementEfficiency, "management_efficiency", "management efficiency", "DMEGC +30%", 0.15,
       0.50, "emergent (7.34): measured supplier-coordination hours, in-plant shop-floor hours (7.102)"},
  }};
  return t;
}

const CaseFigureInfo* find_case_figure(const std::string& key) {
  for (const auto& e : case_figure_table())
    if (key == e.key) return &e;
  return nullptr;
}

CaseFigureTotals& CaseFigureTotals::operator+=(const CaseFigureTotals& o) {
  lead_treated += o.lead_treated;
  lead_control += o.lead_control;
  cost_treated += o.cost_treated;
  cost_control += o.cost_control;
  quality_treated += o.quality_treated;
  quality_control += o.quality_control;
  efficiency_treated += o.efficiency_treated;
  efficiency_control += o.efficiency_control;
  margin_treated += o.margin_treated;
  margin_control += o.margin_control;
  pairs += o.pairs;
  delivery_pairs += o.delivery_pairs;
  pairs_formed += o.pairs_formed;
  for (const auto& [k, v] : o.parts) {
    parts[k][0] += v[0];
    parts[k][1] += v[1];
  }
  return *this;
}

namespace {
/** The matched pairs measured at the model's current month, over the design's estimand (docs/ODD.md 7.106).
 */
CaseFigureTotals measure_pairs(const agents::ClusterModel& model, const CaseFigureDesign& d,
                               std::size_t platform,
                               const std::vector<std::pair<sim::FirmIndex, sim::FirmIndex>>& pairs) {
  const auto& w = model.world();
  const auto& f = w.firms;
  CaseFigureTotals r;
  r.pairs_formed = static_cast<std::int64_t>(pairs.size());
  // A firm's own deliveries to its customers this month (Ruifang's 零件交付时间 is the delivery time of the
  // parts it makes): lead days of its supply ties that delivered, weighted by units, late days included.
  const auto own_delivery_days = [&](sim::FirmIndex i) {
    double units = 0, days = 0;
    for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e) {
      const auto& t = w.network[*e];
      if (!t.is_supply()) continue;
      const double delivered = sim::delivered_units(t, f.fill[i]);
      if (delivered <= 0) continue;
      units += delivered;
      days += delivered * (agents::tie_lead_days(model.context(), t,
                                                 static_cast<sim::FirmIndex>(boost::target(*e, w.network))) +
                           (t.late ? model.context().params.information.late_days : 0.0));
    }
    return units > 0 ? days / units : 0.0;
  };
  // Total cost per yuan of revenue (docs/ODD.md §8; output × price stood for revenue until a dispatch
  // sender's revenue came to include the units receivers make for it, issue 12, 7.28); product quality
  // (7.34): own defects and defective inputs; production-management efficiency (DMEGC: 生产管理效能):
  // capacity managed per yuan of management overhead (output would mix in demand won from the controls, §8).
  const auto cost_share = [&](sim::FirmIndex i) { return f.total_cost[i].yuan / f.revenue[i].yuan; };
  const auto quality = [&](sim::FirmIndex i) {
    return (1.0 - f.defect_rate[i]) * (1.0 - f.input_defect_share[i]);
  };
  const auto efficiency = [&](sim::FirmIndex i) {
    return f.capacity(i) /
           (w.regions[sim::idx(f.region[i])].land_cost.yuan * f.overhead_factor[i] * f.employees[i]);
  };
  for (const auto& pair : pairs) {
    // Named copies, not a structured binding: the lambdas below capture them (clang 14, the sanitizer
    // build's compiler, cannot capture structured bindings).
    const sim::FirmIndex treated = pair.first;
    const sim::FirmIndex control = pair.second;
    if (!f.alive[treated] || !f.alive[control] || f.platforms[control] || f.output[treated] <= 0 ||
        f.output[control] <= 0 || f.revenue[treated].yuan <= 0 || f.revenue[control].yuan <= 0)
      continue;
    // Delivery time over the pairs whose two firms both delivered through supply ties (final-stage firms
    // sell to households, whose deliveries have no lead time in the model).
    const double out_t = own_delivery_days(treated), out_c = own_delivery_days(control);
    const bool delivered = out_t > 0 && out_c > 0;
    // The four figures under the intention-to-treat estimand, over every compared pair.
    const auto itt = [&](const char* name, double t, double c) {
      r.parts[name][0] += t;
      r.parts[name][1] += c;
    };
    itt("itt.pairs", 1, 1);
    if (delivered) itt("itt.delivery", out_t, out_c);
    itt("itt.cost", cost_share(treated), cost_share(control));
    itt("itt.quality", quality(treated), quality(control));
    itt("itt.efficiency", efficiency(treated), efficiency(control));
    // The design's estimand (7.106): by default only joiners still members of the platform are compared.
    if (d.estimand == CaseEstimand::TreatedWhoStayed && !f.member_of(treated, platform)) continue;
    if (delivered) {
      r.lead_treated += out_t;
      r.lead_control += out_c;
      r.delivery_pairs += 1;
    }
    r.cost_treated += cost_share(treated);
    r.cost_control += cost_share(control);
    r.quality_treated += quality(treated);
    r.quality_control += quality(control);
    r.efficiency_treated += efficiency(treated);
    r.efficiency_control += efficiency(control);
    r.pairs += 1;
    // The figures' channels (7.98), joiner then control, summed over the compared pairs.
    const auto part = [&](const char* name, auto value) {
      r.parts[name][0] += value(treated);
      r.parts[name][1] += value(control);
    };
    part("member", [&](sim::FirmIndex i) { return f.member_of(i, platform) ? 1.0 : 0.0; });
    part("on_cloud", [&](sim::FirmIndex i) { return f.on_cloud[i] ? 1.0 : 0.0; });
    part("apps", [&](sim::FirmIndex i) { return f.app_platform[i] >= 0 ? 1.0 : 0.0; });
    part("in_plant", [&](sim::FirmIndex i) { return f.in_plant_platform[i] >= 0 ? 1.0 : 0.0; });
    part("in_plant_level",
         [&](sim::FirmIndex i) { return f.in_plant_platform[i] >= 0 ? f.in_plant_level[i] : 0.0; });
    part("maturity", [&](sim::FirmIndex i) { return f.digital_maturity[i]; });
    part("on_time", [&](sim::FirmIndex i) { return f.on_time_prob[i]; });
    part("own_quality", [&](sim::FirmIndex i) { return 1.0 - f.defect_rate[i]; });
    part("input_quality", [&](sim::FirmIndex i) { return 1.0 - f.input_defect_share[i]; });
    part("input_lead_days", [&](sim::FirmIndex i) { return f.lead_time_days[i]; });
    part("overhead", [&](sim::FirmIndex i) { return f.overhead_factor[i]; });
    part("capacity_per_worker", [&](sim::FirmIndex i) { return f.capacity(i) / f.employees[i]; });
    part("input_cost_share", [&](sim::FirmIndex i) { return f.input_cost[i].yuan / f.revenue[i].yuan; });
    part("transaction_cost_share",
         [&](sim::FirmIndex i) { return f.transaction_cost[i].yuan / f.revenue[i].yuan; });
    part("suppliers", [&](sim::FirmIndex i) {
      double n = 0;
      for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) n += w.network[*e].is_supply();
      return n;
    });
    part("platform_ties", [&](sim::FirmIndex i) {
      double n = 0;
      for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e)
        n += w.network[*e].is_supply() && w.network[*e].channel == sim::TieChannel::Platform;
      return n;
    });
    if (model.context().is_final_stage(treated)) {
      r.margin_treated += f.profit[treated].yuan / f.revenue[treated].yuan;
      r.margin_control += f.profit[control].yuan / f.revenue[control].yuan;
    }
  }
  return r;
}
}  // namespace

CaseFigureTotals measure_case_figure_totals(const scenarios::Scenario& scenario, const CaseFigureDesign& d) {
  return measure_case_figure_horizons(scenario, d, {d.months}).front();
}

std::vector<CaseFigureTotals> measure_case_figure_horizons(const scenarios::Scenario& scenario,
                                                           const CaseFigureDesign& d,
                                                           std::vector<std::int32_t> horizons) {
  if (horizons.empty()) return {};
  std::sort(horizons.begin(), horizons.end());
  scenarios::Scenario s = scenario;
  s.ticks = d.join_month + horizons.back();
  agents::ClusterModel model = scenarios::build_model(s);
  const auto& w = model.world();
  std::size_t platform = w.platforms.size();
  for (std::size_t p = 0; p < w.platforms.size(); ++p)
    if (w.platforms[p].name == d.platform) platform = p;
  if (platform == w.platforms.size())
    throw std::invalid_argument("case figures: the scenario has no platform named \"" + d.platform + "\"");
  for (int t = 0; t < d.join_month; ++t) model.step();
  const auto& f = w.firms;
  // Cells of firms on no platform (chain masters excluded) by industry, stage, region and log2 size; pairs
  // in the cell's firm order, the first of each pair joins.
  std::map<std::tuple<int, int, int, int>, std::vector<sim::FirmIndex>> cells;
  for (sim::FirmIndex i = 0; i < f.size(); ++i)
    if (f.alive[i] && !f.platforms[i] && !f.chain_master[i])
      cells[{static_cast<int>(sim::idx(f.industry[i])), f.stage[i], static_cast<int>(sim::idx(f.region[i])),
             static_cast<int>(std::log2(f.employees[i]))}]
          .push_back(i);
  std::vector<std::pair<sim::FirmIndex, sim::FirmIndex>> pairs;
  for (auto& [key, v] : cells)
    for (std::size_t k = 0; k + 1 < v.size(); k += 2) pairs.emplace_back(v[k], v[k + 1]);
  for (auto [treated, control] : pairs) model.force_join(treated, platform);
  std::vector<CaseFigureTotals> out;
  std::int32_t stepped = 0;
  for (const auto months : horizons) {
    for (; stepped < months; ++stepped) model.step();
    out.push_back(measure_pairs(model, d, platform, pairs));
  }
  return out;
}

std::vector<CaseFigureTotals> measure_case_figure_seeds(const std::string& scenario_file,
                                                        const std::vector<std::string>& sets,
                                                        const std::vector<std::uint64_t>& seeds,
                                                        const CaseFigureDesign& d) {
  std::vector<CaseFigureTotals> out;
  for (const auto seed : seeds) {
    auto with_seed = sets;
    with_seed.push_back("seed=" + std::to_string(seed));
    const auto load = scenarios::load_scenario_file(scenario_file, with_seed);
    if (!load.scenario)
      throw std::runtime_error(load.problems.empty() ? scenario_file + ": the scenario did not load"
                                                     : load.problems.front().format());
    out.push_back(measure_case_figure_totals(*load.scenario, d));
  }
  return out;
}

double case_figure_value(const CaseFigureTotals& t, CaseFigure f) {
  if (t.pairs <= 0) return std::nan("");
  switch (f) {
    case CaseFigure::DeliveryTime:
      return t.delivery_pairs > 0 ? t.lead_treated / t.lead_control - 1 : std::nan("");
    case CaseFigure::TotalCost:
      return t.cost_treated / t.cost_control - 1;
    case CaseFigure::Quality:
      return t.quality_treated / t.quality_control - 1;
    case CaseFigure::ManagementEfficiency:
      return t.efficiency_treated / t.efficiency_control - 1;
  }
  return std::nan("");
}

}  // namespace vicsim::experiments
