#include "agents/cross_border.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "agents/household_consumption.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/trade.hpp"
#include "sim/refill.hpp"

namespace vicsim::agents {

std::int32_t cross_border_candidate(const ModelContext& c, sim::FirmIndex i) {
  const sim::Firms& f = c.world.firms;
  std::int32_t best = -1;
  double best_w = 0.0;
  for (std::size_t p = 0; p < c.world.platforms.size(); ++p) {
    const sim::Platform& pl = c.world.platforms[p];
    if (!pl.alive || !pl.services.cross_border || !f.member_of(i, p)) continue;
    const double w = rating_weight(c, p);
    if (best < 0 || w > best_w) best = static_cast<std::int32_t>(p), best_w = w;
  }
  return best;
}

double export_reach(const ModelContext& c, std::int32_t p) {
  const double off = c.params.cross_border.offline_reach;
  if (p < 0) return off;
  return off + (1.0 - off) * std::clamp(rating_weight(c, static_cast<std::size_t>(p)), 0.0, 1.0);
}

double allocate_exports(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  sim::refill(c.export_units, f.size(), 0.0);
  sim::refill(c.platform_export_units, f.size(), 0.0);
  sim::refill(c.cross_border_platform, f.size(), std::int32_t{-1});
  const auto& cb = c.params.cross_border;
  if (!(cb.export_potential > 0.0)) return 0.0;
  // Foreign buyers spend out of the rest of the world's budget (7.85): the potential, valued at the final
  // types' mean prices, is scaled down to what the budget buys.
  double potential_value = 0.0;
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind) {
    const auto t = c.directory.type_key(ind, w.industries[ind].stages.size() - 1);
    if (t < c.mean_price.size())
      potential_value += cb.export_potential * w.final_demand[ind] * c.mean_price[t];
  }
  const double affordable = potential_value > 0.0 ? std::fmin(1.0, c.row_budget / potential_value) : 0.0;
  if (!(affordable > 0.0)) return 0.0;
  const double off = export_reach(c, -1);
  double ordered = 0.0;
  std::vector<double> weight;
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind) {
    const auto t = c.directory.type_key(ind, w.industries[ind].stages.size() - 1);
    const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
    const double pbar = t < c.mean_price.size() ? c.mean_price[t] : 0.0;
    if (firms.empty() || !(pbar > 0.0)) continue;
    weight.resize(firms.size());
    double total = 0.0;
    for (std::size_t k = 0; k < firms.size(); ++k) total += weight[k] = demand_weight(c, firms[k], pbar);
    if (!(total > 0.0)) continue;
    // units/month at full reach, within the budget
    const double potential = affordable * cb.export_potential * w.final_demand[ind];
    for (std::size_t k = 0; k < firms.size(); ++k) {
      const auto i = firms[k];
      const double full = potential * weight[k] / total;  // i's foreign demand if fully known
      double reach = off;
      // The service pays when the contribution margin on the exports it adds covers the fee; inputs are
      // the variable cost (staff are paid whatever the month's sales).
      if (const std::int32_t p = cross_border_candidate(c, i); p >= 0) {
        const double margin = contribution_margin(f, i);
        const double listed = export_reach(c, p);
        if (margin * f.price[i] * full * (listed - off) > cb.fee_per_month) {
          reach = listed;
          c.cross_border_platform[i] = p;
          c.platform_export_units[i] = full * (listed - off);
        }
      }
      c.export_units[i] = full * reach;
      ordered += f.price[i] * full * reach;
    }
  }
  // Firms' prices differ from their type's mean: never order more than the budget.
  if (ordered > c.row_budget) {
    const double cut = c.row_budget / ordered;
    for (auto& u : c.export_units) u *= cut;
    for (auto& u : c.platform_export_units) u *= cut;
    ordered = c.row_budget;
  }
  for (sim::FirmIndex i = 0; i < f.size(); ++i) f.orders[i] += c.export_units[i];
  return ordered;
}

double world_income(const ModelContext& c) {
  const auto& cb = c.params.cross_border;
  if (!(cb.world_income_share > 0.0) || c.world.tick < 1) return 0.0;
  // base_final_spending grows at the scenario's demand growth; the ratio turns it into the world's.
  const double years = c.world.tick / 12.0;
  const double relative_growth = std::pow(
      (1.0 + cb.world_income_growth_per_year) / (1.0 + c.params.market.demand_growth_per_year), years);
  return cb.world_income_share / (1.0 - cb.world_income_share) * base_final_spending(c) * relative_growth;
}

double export_units(const ModelContext& c, sim::FirmIndex i) {
  return i < c.export_units.size() ? c.export_units[i] : 0.0;
}

double cross_border_fee(const ModelContext& c, sim::FirmIndex i) {
  return i < c.cross_border_platform.size() && c.cross_border_platform[i] >= 0
             ? c.params.cross_border.fee_per_month
             : 0.0;
}

namespace {

/** Final sales of the month that were paid (alive firms and those that exited this month). */
template <class Units>
double member_final_sales(const ModelContext& c, Units units) {
  const sim::Firms& f = c.world.firms;
  double sum = 0.0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if ((!f.alive[i] && f.exit_tick[i] != c.world.tick) || !f.platforms[i]) continue;
    sum += f.price[i] * f.fill[i] * units(i);
  }
  return sum;
}

}  // namespace

double export_share(const ModelContext& c) {
  // From the ledger, so exports bought with import receipts (7.70) count too.
  const auto& m = c.ledger.flows();
  const auto firms = static_cast<std::size_t>(sim::Sector::Firms);
  const double exported = m[static_cast<std::size_t>(sim::Sector::RestOfWorld)][firms]
                           [static_cast<std::size_t>(sim::FlowKind::Exports)];
  const double home = m[static_cast<std::size_t>(sim::Sector::Households)][firms]
                       [static_cast<std::size_t>(sim::FlowKind::FinalSales)];
  return exported + home > 0.0 ? exported / (exported + home) : 0.0;
}

double platform_export_share(const ModelContext& c) {
  const double all = member_final_sales(c, [&](sim::FirmIndex i) { return c.world.firms.final_orders[i]; });
  return all > 0.0 ? member_final_sales(
                         c,
                         [&](sim::FirmIndex i) {
                           return i < c.platform_export_units.size() ? c.platform_export_units[i] : 0.0;
                         }) /
                         all
                   : 0.0;
}

double cross_border_subscriber_share(const ModelContext& c) {
  const sim::Firms& f = c.world.firms;
  double members = 0.0, subscribers = 0.0;
  for (auto i : c.directory.alive()) {
    if (!f.platforms[i] || !c.is_final_stage(i)) continue;
    members += 1.0;
    subscribers += cross_border_fee(c, i) > 0.0 ? 1.0 : 0.0;
  }
  return members > 0.0 ? subscribers / members : 0.0;
}

}  // namespace vicsim::agents
