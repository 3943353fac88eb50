#include "agents/accounts.hpp"

namespace vicsim::agents {

std::array<sim::SectorStocks, sim::kSectors> measure_stocks(const ModelContext& c) {
  std::array<sim::SectorStocks, sim::kSectors> s{};
  auto& firms = s[static_cast<std::size_t>(sim::Sector::Firms)];
  auto& platforms = s[static_cast<std::size_t>(sim::Sector::Platforms)];
  auto& government = s[static_cast<std::size_t>(sim::Sector::Government)];
  auto& lender = s[static_cast<std::size_t>(sim::Sector::Lender)];
  const sim::Firms& f = c.world.firms;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    firms.deposits += f.cash[i].yuan;
    firms.loans += f.loan[i].yuan;
    firms.finished_units += f.finished_stock[i];
    firms.finished_value += f.finished_stock[i] * f.unit_cost[i];
    const auto& needs = c.needs[c.type_key(i)];
    for (std::size_t slot = 0; slot < needs.size(); ++slot) {
      const double units = f.input_stock[i][slot];
      firms.inventory_units += units;
      const auto u = c.directory.type_key(needs[slot].industry, needs[slot].stage);
      firms.inventory_value += units * (u < c.mean_price.size() ? c.mean_price[u] : 0.0);
    }
  }
  for (const auto& pl : c.world.platforms) {
    platforms.deposits += pl.cash.yuan;
    platforms.loans += pl.loan.yuan;
  }
  for (const auto& p : c.policies) government.deposits -= p.spent.yuan;
  lender.loans = firms.loans + platforms.loans;
  return s;
}

namespace {

/** The month's welfare totals for the metrics: wages and household income from the ledger, the price
 * of households' purchases against month-1 prices, and lost sales. */
void record_welfare(ModelContext& c) {
  const auto& m = c.ledger.flows();
  const auto hh = static_cast<std::size_t>(sim::Sector::Households);
  c.stats.wage_bill =
      m[static_cast<std::size_t>(sim::Sector::Firms)][hh][static_cast<std::size_t>(sim::FlowKind::Wages)];
  double income = 0.0;
  for (std::size_t s = 0; s < sim::kSectors; ++s)
    for (double v : m[s][hh]) income += v;
  c.stats.household_income = income;
  const sim::Firms& f = c.world.firms;
  double now = 0.0, base = 0.0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i] && f.exit_tick[i] != c.world.tick) continue;
    const double units = f.fill[i] * f.final_orders[i];
    const auto t = c.type_key(i);
    now += f.price[i] * units;
    base += (t < c.base_price.size() && c.base_price[t] > 0.0 ? c.base_price[t] : f.price[i]) * units;
  }
  c.stats.cpi = base > 0.0 ? now / base : 1.0;
}

}  // namespace

void close_accounts(ModelContext& c) {
  if (auto v = c.ledger.close_tick(measure_stocks(c))) throw sim::StockFlowViolation(*v);
  record_welfare(c);
}

}  // namespace vicsim::agents
