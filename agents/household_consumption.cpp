#include "agents/household_consumption.hpp"

#include <algorithm>
#include <cmath>

#include "agents/cross_border.hpp"
#include "agents/trade.hpp"

namespace vicsim::agents {

namespace {
constexpr std::size_t at(sim::Sector s) { return static_cast<std::size_t>(s); }
constexpr std::size_t kind(sim::FlowKind k) { return static_cast<std::size_t>(k); }
}  // namespace

bool income_wealth_consumption(const ModelParams& p) { return p.households.consumption == "income_wealth"; }

double base_final_spending(const ModelContext& c) {
  const sim::World& w = c.world;
  double spending = 0.0;
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind) {
    const auto t = c.directory.type_key(ind, w.industries[ind].stages.size() - 1);
    spending += w.final_demand[ind] * (t < c.mean_price.size() ? c.mean_price[t] : 0.0);
  }
  return spending;
}

void open_month_one_deposits(ModelContext& c) {
  auto stocks = c.ledger.stocks();
  // The warm-up's spot imports are not month 1's export budget: nothing of the warm-up is counted.
  stocks[at(sim::Sector::RestOfWorld)].deposits = 0.0;
  if (income_wealth_consumption(c.params)) {
    set_prices(c);  // the prices month 1 starts from (set again, identically, in month 1)
    const auto& h = c.params.households;
    stocks[at(sim::Sector::Households)].deposits =
        (1.0 - h.propensity_income) / h.propensity_wealth * base_final_spending(c);
  }
  c.ledger.open(stocks);
}

void plan_consumption(ModelContext& c) {
  c.consumption_scale = 1.0;
  c.export_share = 0.0;
  c.household_spending = -1.0;
  // The rest of the world spends what it holds: last month's receipts and anything left unspent (7.85),
  // and this month's income from outside the model (7.95).
  const double income_from_world = world_income(c);
  c.ledger.pay(sim::Sector::World, sim::Sector::RestOfWorld, sim::FlowKind::WorldIncome, income_from_world);
  c.row_budget = std::fmax(0.0, c.ledger.stocks()[at(sim::Sector::RestOfWorld)].deposits) + income_from_world;
  if (!income_wealth_consumption(c.params)) return;
  const auto& m = c.ledger.flows();  // last month's, closed
  const std::size_t hh = at(sim::Sector::Households);
  double income = 0.0;
  for (std::size_t s = 0; s < sim::kSectors; ++s)
    for (std::size_t k = 0; k < sim::kFlowKinds; ++k)
      if (k != kind(sim::FlowKind::Liquidation)) income += m[s][hh][k];
  const double base = base_final_spending(c);
  if (!(income > 0.0) || !(base > 0.0)) return;  // no month of income yet: the scenario's demand
  const auto& h = c.params.households;
  const double deposits = c.ledger.stocks()[hh].deposits;
  const double consumption = std::fmax(0.0, h.propensity_income * income + h.propensity_wealth * deposits);
  // Foreign goods are always available: households pay for them now, the rest goes to the cluster.
  const double imported = h.import_propensity * consumption;
  c.ledger.pay(sim::Sector::Households, sim::Sector::RestOfWorld, sim::FlowKind::ConsumerImports, imported);
  c.household_spending = consumption - imported;
  spend_foreign_remainder(c, 0.0);  // no foreign orders yet; propagate_orders recomputes after them
}

void spend_foreign_remainder(ModelContext& c, double ordered) {
  if (!(c.household_spending >= 0.0)) return;
  const double base = base_final_spending(c);
  const double rest = std::fmax(0.0, c.row_budget - ordered);
  const double spending = c.household_spending + rest;
  c.consumption_scale = spending / base;
  c.export_share = spending > 0.0 ? rest / spending : 0.0;
}

void pay_dividends(ModelContext& c) {
  if (!income_wealth_consumption(c.params)) return;
  const double share = c.params.households.dividend_share;
  sim::Firms& f = c.world.firms;
  for (auto i : c.directory.alive()) {
    const double paid = share * std::fmax(0.0, std::fmin(f.profit[i].yuan, (f.cash[i] - f.loan[i]).yuan));
    if (!(paid > 0.0)) continue;
    f.cash[i] -= sim::Money{paid};
    c.ledger.pay(sim::Sector::Firms, sim::Sector::Households, sim::FlowKind::Dividends, paid);
  }
  for (auto& pl : c.world.platforms) {
    if (!pl.alive) continue;
    const double paid =
        share * std::fmax(0.0, std::fmin((pl.revenue - pl.cost).yuan, (pl.cash - pl.loan).yuan));
    if (!(paid > 0.0)) continue;
    pl.cash -= sim::Money{paid};
    c.ledger.pay(sim::Sector::Platforms, sim::Sector::Households, sim::FlowKind::Dividends, paid);
  }
}

}  // namespace vicsim::agents
