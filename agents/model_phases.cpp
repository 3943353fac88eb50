#include "agents/model_phases.hpp"

#include <cmath>

#include "agents/accounts.hpp"
#include "agents/adoption.hpp"
#include "agents/collaboration.hpp"
#include "agents/credit.hpp"
#include "agents/demography.hpp"
#include "agents/household_consumption.hpp"
#include "agents/in_plant_services.hpp"
#include "agents/infrastructure_feedback.hpp"
#include "agents/knowledge.hpp"
#include "agents/platform_founding.hpp"
#include "agents/platform_services.hpp"
#include "agents/platform_strategy.hpp"
#include "agents/policies.hpp"
#include "agents/shared_apps.hpp"
#include "agents/shipment_consolidation.hpp"
#include "agents/shocks.hpp"
#include "agents/tie_dynamics.hpp"
#include "agents/trade.hpp"

namespace vicsim::agents {

namespace {

/** Final demand grows at market.demand_growth_per_year (compounded monthly). */
void grow_demand(ModelContext& c) {
  const double monthly_growth = std::pow(1.0 + c.params.market.demand_growth_per_year, 1.0 / 12.0);
  for (auto& d : c.world.final_demand) d *= monthly_growth;
}

/** Platforms' monthly flows start from zero. */
void open_platform_month(ModelContext& c) {
  for (auto& pl : c.world.platforms) {
    pl.revenue = pl.cost = pl.logistics_cost = sim::Money{0.0};
    pl.pooled_value = 0.0;
    pl.gmv = pl.dispatched_units = pl.cross_platform_gmv = pl.integrated_gmv = 0.0;
  }
}

/** Finance service: a credit line of services.credit_months of revenue, scaled by access (7.22). */
void set_credit_lines(ModelContext& c) {
  sim::World& w = c.world;
  for (auto i : c.directory.alive())
    w.firms.credit_line[i] =
        sim::Money{c.services_of(i).finance * c.params.services.credit_months * w.firms.revenue[i].yuan};
}

/** Output at month-1 prices: the units each firm made and sold, valued at its type's month-1 mean
 * price, so lower prices from lower costs (transaction costs, dispatch) do not read as lost production. */
void record_real_output(ModelContext& c) {
  const sim::Firms& f = c.world.firms;
  const auto& alive = c.directory.alive();
  // Units sold this month: own production not carried, dispatched-in and spot units, and sales from stock.
  const auto sold = [&](sim::FirmIndex i) { return f.output[i] - f.unsold[i] + f.from_stock[i]; };
  if (c.base_price.empty()) {
    std::vector<double> value(c.directory.n_types(), 0.0), units(c.directory.n_types(), 0.0);
    for (auto i : alive)
      if (f.price[i] > 0.0) {
        value[c.type_key(i)] += f.price[i] * sold(i);
        units[c.type_key(i)] += sold(i);
      }
    c.base_price.assign(value.size(), 0.0);
    for (std::size_t t = 0; t < value.size(); ++t)
      c.base_price[t] = units[t] > 0.0 ? value[t] / units[t] : 0.0;
  }
  double real = 0.0;
  for (auto i : alive) {
    const double base = c.base_price[c.type_key(i)];
    real += sold(i) * (base > 0.0 ? base : f.price[i]);
  }
  c.stats.real_output = real;
}

/** Profit margin by type, which drives entry. */
void record_type_margins(ModelContext& c) {
  sim::World& w = c.world;
  std::vector<double> profit(c.directory.n_types(), 0.0), revenue(c.directory.n_types(), 0.0);
  for (auto i : c.directory.alive()) {
    profit[c.type_key(i)] += w.firms.profit[i].yuan;
    revenue[c.type_key(i)] += w.firms.revenue[i].yuan;
  }
  c.type_margin.assign(c.directory.n_types(), 0.0);
  for (std::size_t t = 0; t < profit.size(); ++t)
    c.type_margin[t] = revenue[t] > 0.0 ? profit[t] / revenue[t] : 0.0;
}

/** Platforms' operating cost of the month (7.19). */
void cost_platforms(ModelContext& c) {
  for (auto& pl : c.world.platforms)
    if (pl.alive) pl.cost = platform_operating_cost(c, pl);
}

void rebuild_directory(ModelContext& c) { c.directory.rebuild(c.world); }

}  // namespace

const std::vector<ModelPhase>& model_phases() {
  // Government, shocks and platforms set the conditions of the month; then the firm economy trades and
  // settles; then the digital layer (joining, tie channels, platform accounts); then learning, ties and
  // demography. The warm-up runs the firm economy alone: demand stays at its initial level and the digital
  // layer (platforms, adoption, SimGrid) waits for month 1; policies and shocks start at month 1 or later.
  // Dividends are paid in the warm-up too, so month 1's consumption plan reads a full month of income.
  static const std::vector<ModelPhase> phases = {
      {"demand growth", grow_demand, false, nullptr},
      {"shocks", apply_shocks, true, "demand and shocks"},
      {"policies", begin_policies, true, "policies"},
      {"platform month", open_platform_month, true, nullptr},
      {"platform founding", found_platforms, false, nullptr},
      {"platform roster", update_platform_roster, false, "platform roster"},
      {"infrastructure push", push_infrastructure, false, nullptr},
      {"service times", resolve_service_times, false, "SimGrid infrastructure layer"},
      {"service access", refresh_service_access, true, nullptr},
      {"credit lines", set_credit_lines, true, "service access"},
      {"prices", set_prices, true, "prices"},
      {"household consumption", plan_consumption, false, nullptr},
      {"orders", propagate_orders, true, "orders"},
      {"logistics lanes", update_logistics_lanes, true, nullptr},
      {"settlement", settle_accounts, true, "settlement"},
      {"real output", record_real_output, true, nullptr},
      {"type margins", record_type_margins, true, "real output and margins"},
      {"adoption and joining", adopt_and_join, false, "adoption and joining"},
      {"platform roster after joining", update_platform_roster, false, nullptr},
      {"tie channels", choose_tie_channels, false, "tie channels"},
      {"service access after joining", refresh_service_access, false, nullptr},
      {"app subscriptions", subscribe_to_apps, false, nullptr},
      {"in-plant services", buy_in_plant_services, false, nullptr},
      {"platform costs", cost_platforms, false, nullptr},
      {"policy accounts", account_policies, false, nullptr},
      {"platform accounts", settle_platforms, false, "platform and policy accounts"},
      {"dividends", pay_dividends, true, nullptr},
      {"learning", learn, true, "learning"},
      {"tie decay", update_and_decay_ties, true, "tie decay"},
      {"supplier search", search_suppliers, true, "supplier search"},
      {"collaboration", form_collaborations, true, "collaboration"},
      {"capacity", adjust_capacity, true, "capacity"},
      {"credit", settle_credit, true, "credit"},
      {"exit", exit_failing_firms, true, nullptr},
      {"exit closing", close_exited_firms, true, "exit"},
      {"entry", enter_firms, true, nullptr},
      {"firm directory", rebuild_directory, true, "entry"},
      {"stock-flow check", close_accounts, true, "stock-flow check"},
  };
  return phases;
}

}  // namespace vicsim::agents
