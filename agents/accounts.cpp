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
    if (f.input_stock[i].empty()) continue;
    const auto& needs = c.needs[c.type_key(i)];
    for (std::size_t slot = 0; slot < f.input_stock[i].size() && slot < needs.size(); ++slot) {
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

void close_accounts(ModelContext& c) {
  if (auto v = c.ledger.close_tick(measure_stocks(c))) throw sim::StockFlowViolation(*v);
}

}  // namespace vicsim::agents
