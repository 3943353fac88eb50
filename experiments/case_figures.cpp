#include "experiments/case_figures.hpp"

#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"

namespace vicsim::experiments {

const std::array<CaseFigureInfo, 4>& case_figure_table() {
  static const std::array<CaseFigureInfo, 4> t = {{
      {CaseFigure::DeliveryTime, "delivery_time", "delivery time", "Ruifang die-casting −20%", -0.35, -0.08,
       "emergent (tie terms, dispatch)"},
      {CaseFigure::TotalCost, "total_cost", "total cost", "Ruifang −8%", -0.15, -0.02,
       "emergent; dispatch_share calibrated to it"},
      {CaseFigure::Quality, "quality", "quality", "Ruifang +5%", 0.02, 0.10,
       "emergent (7.34): supplier information and digital maturity"},
      {CaseFigure::ManagementEfficiency, "management_efficiency", "management efficiency", "DMEGC +30%", 0.15,
       0.50, "emergent (7.34): measured supplier-coordination hours"},
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
  pairs_formed += o.pairs_formed;
  return *this;
}

CaseFigureTotals measure_case_figure_totals(const scenarios::Scenario& scenario, const CaseFigureDesign& d) {
  scenarios::Scenario s = scenario;
  s.ticks = d.join_month + d.months;
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
  for (int t = 0; t < d.months; ++t) model.step();
  CaseFigureTotals r;
  r.pairs_formed = static_cast<std::int64_t>(pairs.size());
  for (auto [treated, control] : pairs) {
    if (!f.alive[treated] || !f.alive[control] || f.platforms[control] || f.output[treated] <= 0 ||
        f.output[control] <= 0 || f.revenue[treated].yuan <= 0 || f.revenue[control].yuan <= 0)
      continue;
    const auto& reg_t = w.regions[sim::idx(f.region[treated])];
    r.lead_treated += f.lead_time_days[treated];
    r.lead_control += f.lead_time_days[control];
    // Total cost per yuan of revenue (docs/ODD.md §8). Output × price stood for revenue until a dispatch
    // sender's revenue came to include the units receivers make for it (issue 12, 7.28).
    r.cost_treated += f.total_cost[treated].yuan / f.revenue[treated].yuan;
    r.cost_control += f.total_cost[control].yuan / f.revenue[control].yuan;
    // Product quality (7.34): own defects and defective inputs, both from mechanisms.
    r.quality_treated += (1.0 - f.defect_rate[treated]) * (1.0 - f.input_defect_share[treated]);
    r.quality_control += (1.0 - f.defect_rate[control]) * (1.0 - f.input_defect_share[control]);
    // Production-management efficiency (DMEGC: 生产管理效能): capacity managed per yuan of management
    // overhead. Output would mix in demand won from the controls (docs/ODD.md §8). A pair shares its region.
    r.efficiency_treated +=
        f.capacity(treated) / (reg_t.land_cost.yuan * f.overhead_factor[treated] * f.employees[treated]);
    r.efficiency_control +=
        f.capacity(control) / (reg_t.land_cost.yuan * f.overhead_factor[control] * f.employees[control]);
    r.pairs += 1;
    if (model.context().is_final_stage(treated)) {
      r.margin_treated += f.profit[treated].yuan / f.revenue[treated].yuan;
      r.margin_control += f.profit[control].yuan / f.revenue[control].yuan;
    }
  }
  return r;
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
      return t.lead_treated / t.lead_control - 1;
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
