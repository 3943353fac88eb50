#include "agents/trade.hpp"

#include <cmath>

#include "agents/transaction_cost.hpp"
#include "sim/parallel_for.hpp"

namespace vicsim::agents {

void set_prices(ModelContext& c) {
  sim::Firms& f = c.world.firms;
  const auto& alive = c.directory.alive();
  const double u = c.params.market.initial_utilisation;
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    const auto& r = c.world.regions[sim::idx(f.region[i])];
    // Fixed labour and land spread over the output expected at normal utilisation.
    const double fixed = (r.labour_cost.yuan + r.land_cost.yuan) * f.employees[i];
    f.unit_cost[i] = fixed / (f.capacity(i) * u) + f.input_unit_cost[i];
    f.price[i] = (1.0 + c.params.market.markup) * f.unit_cost[i];
  });
  const std::size_t n = c.directory.n_types();
  c.mean_price.assign(n, 0.0);
  c.mean_productivity.assign(n, 0.0);
  for (std::size_t t = 0; t < n; ++t) {
    double cap = 0.0, pc = 0.0, ac = 0.0;
    for (auto i : c.directory.of_type(c.type_of[t].first, c.type_of[t].second)) {
      cap += f.capacity(i);
      pc += f.capacity(i) * f.price[i];
      ac += f.capacity(i) * f.productivity[i];
    }
    c.mean_price[t] = cap > 0.0 ? pc / cap : 0.0;
    c.mean_productivity[t] = cap > 0.0 ? ac / cap : 1.0;
  }
}

void allocate_demand(ModelContext& c, std::size_t t, double units) {
  sim::Firms& f = c.world.firms;
  const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
  if (firms.empty() || units <= 0.0) return;
  const auto& m = c.params.market;
  const double pbar = c.mean_price[t];
  thread_local std::vector<double> weight;
  weight.assign(firms.size(), 0.0);
  double total = 0.0;
  for (std::size_t k = 0; k < firms.size(); ++k) {
    const auto i = firms[k];
    weight[k] = f.capacity(i) * std::pow(f.price[i] / pbar, -m.price_elasticity) *
                std::fmax(0.0, 1.0 + m.reputation_weight * (f.reputation[i] - 0.5));
    total += weight[k];
  }
  if (total <= 0.0) return;
  for (std::size_t k = 0; k < firms.size(); ++k) f.orders[firms[k]] += units * weight[k] / total;
}

void propagate_orders(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& tp = c.params.trade;
  for (auto i : c.directory.alive()) {
    f.orders[i] = 0.0;
    f.output[i] = 0.0;
    f.spot_units[i] = 0.0;
  }
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind)
    allocate_demand(c, c.directory.type_key(ind, w.industries[ind].stages.size() - 1), w.final_demand[ind]);

  std::vector<double> spot_demand(c.directory.n_types(), 0.0);
  thread_local std::vector<double> share;
  for (std::size_t t : c.customers_first) {
    // Every customer of this type has ordered by now. Firms serve their own orders up to capacity;
    // untied demand and orders beyond a firm's capacity go to the anonymous spot market, which
    // spreads them over the type's spare capacity.
    const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
    double spot = spot_demand[t], spare = 0.0;
    for (auto i : firms) {
      f.output[i] = std::fmin(f.orders[i], f.capacity(i));
      spot += f.orders[i] - f.output[i];
      spare += f.capacity(i) - f.output[i];
    }
    if (spare > 0.0 && spot > 0.0) {
      const double served = std::fmin(1.0, spot / spare);
      for (auto i : firms) f.output[i] += served * (f.capacity(i) - f.output[i]);
    }
    const auto& needs = c.needs[t];
    for (auto i : firms) {
      for (std::size_t slot = 0; slot < needs.size(); ++slot) {
        const double q = f.output[i] * needs[slot].per_unit;
        // Split this input over the slot's suppliers by capacity and landed cost.
        double total = 0.0;
        share.clear();
        for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
          sim::Tie& tie = w.network[*e];
          if (!tie.is_supply() || tie.input_slot != slot) continue;
          const auto s = static_cast<sim::FirmIndex>(boost::source(*e, w.network));
          const double wgt =
              f.capacity(s) *
              std::pow(landed_cost(tp, f.price[s], tie.distance_km, tie.trust) / c.mean_price[c.type_key(s)],
                       -c.params.market.price_elasticity);
          share.push_back(wgt);
          total += wgt;
        }
        if (total <= 0.0) {
          spot_demand[c.directory.type_key(needs[slot].industry, needs[slot].stage)] += q;
          f.spot_units[i] += q;
          continue;
        }
        std::size_t k = 0;
        for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
          sim::Tie& tie = w.network[*e];
          if (!tie.is_supply() || tie.input_slot != slot) continue;
          tie.units = q * share[k++] / total;
          f.orders[boost::source(*e, w.network)] += tie.units;
        }
      }
    }
  }
}

void settle_accounts(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& tp = c.params.trade;
  const auto& alive = c.directory.alive();
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    const auto& needs = c.needs[c.type_key(i)];
    double cost = 0.0, tc = 0.0, units = 0.0, lead = 0.0;
    thread_local std::vector<double> shortfall;
    thread_local std::vector<std::uint8_t> tied;
    shortfall.assign(needs.size(), 0.0);
    tied.assign(needs.size(), 0);
    for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
      sim::Tie& tie = w.network[*e];
      if (!tie.is_supply()) continue;
      const auto s = static_cast<sim::FirmIndex>(boost::source(*e, w.network));
      const double fill = fill_rate(f, s);
      tie.delivered = tie.units * fill;
      const double rate = transaction_cost_rate(tp, tie.distance_km, tie.trust);
      cost += tie.delivered * f.price[s] * (1.0 + rate);
      tc += tie.delivered * f.price[s] * rate;
      lead += tie.delivered * lead_time_days(tp, tie.distance_km);
      units += tie.delivered;
      shortfall[tie.input_slot] += tie.units - tie.delivered;
      tied[tie.input_slot] = 1;
    }
    // Untied inputs and supplier shortfalls are bought anonymously at a premium, with a delay.
    const double spot_days = tp.production_days + tp.order_processing_days + tp.spot_extra_days;
    for (std::size_t slot = 0; slot < needs.size(); ++slot) {
      const double q = shortfall[slot] + (tied[slot] ? 0.0 : f.output[i] * needs[slot].per_unit);
      if (q <= 0.0) continue;
      const double pbar = c.mean_price[c.directory.type_key(needs[slot].industry, needs[slot].stage)];
      cost += q * pbar * (1.0 + tp.spot_premium);
      tc += q * pbar * tp.spot_premium;
      lead += q * spot_days;
      units += q;
    }
    const auto& r = w.regions[sim::idx(f.region[i])];
    const double fixed = (r.labour_cost.yuan + r.land_cost.yuan) * f.employees[i];
    f.inputs_bought[i] = units;
    f.lead_time_days[i] = units > 0.0 ? lead / units : 0.0;
    f.input_cost[i] = sim::Money{cost};
    f.transaction_cost[i] = sim::Money{tc};
    f.revenue[i] = sim::Money{f.price[i] * f.output[i]};
    f.profit[i] = f.revenue[i] - f.input_cost[i] - sim::Money{fixed};
    f.cash[i] += f.profit[i];
    f.loss_streak[i] = f.profit[i].yuan < 0.0 ? f.loss_streak[i] + 1 : 0;
    if (f.output[i] > 0.0) f.input_unit_cost[i] = cost / f.output[i];
    if (f.orders[i] > 0.0) f.reputation[i] += 0.1 * (fill_rate(f, i) - f.reputation[i]);
  });
}

}  // namespace vicsim::agents
