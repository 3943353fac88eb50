#include "agents/trade.hpp"

#include <cmath>

#include "agents/platform_services.hpp"
#include "agents/policies.hpp"
#include "agents/transaction_cost.hpp"
#include "sim/distributions.hpp"
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
    const double fixed = (r.labour_cost.yuan + r.land_cost.yuan * f.overhead_factor[i]) * f.employees[i];
    // Reworking defective output costs the same again for that share.
    // Normal (undisrupted) capacity: a temporary disruption does not reprice the firm's output.
    f.unit_cost[i] =
        (fixed / (f.employees[i] * f.productivity[i] * u) + f.input_unit_cost[i]) * (1.0 + f.defect_rate[i]);
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

namespace {

/** C2M forecasting: final-stage firms produce to a forecast of their orders; the error's spread
 * shrinks for members of a platform with the forecasting service. */
void produce_to_forecast(ModelContext& c, const std::vector<sim::FirmIndex>& firms) {
  sim::Firms& f = c.world.firms;
  const auto& sp = c.params.services;
  const double sd_offline = sp.forecast_error_sd + sp.c2m_share * sp.c2m_error_sd;
  for (auto i : firms) {
    sim::Rng rng(c.world.seed, sim::Stream::Forecast, i, static_cast<std::uint64_t>(c.world.tick));
    const double cut = sp.forecast_error_cut * c.services_of(i).forecasting;
    const double eps = std::max(-0.9, sim::normal(rng, 0.0, sd_offline * (1.0 - cut)));
    f.forecast_error[i] = eps;
    const double planned = f.orders[i] * (1.0 + eps);
    f.output[i] = std::fmin(planned, f.capacity(i));
    f.unsold[i] = std::fmax(0.0, f.output[i] - f.orders[i]);
    f.fill[i] = f.orders[i] > 0.0 ? std::fmin(f.output[i], f.orders[i]) / f.orders[i] : 1.0;
  }
}

/** Order dispatch (the carbon-guitar case): a member's orders beyond its capacity go to idle
 * capacity of members of the same type that its dispatching platform reaches, before the spot market. */
void dispatch_overflow(ModelContext& c, std::size_t t, const std::vector<sim::FirmIndex>& firms) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  for (std::size_t p = 0; p < w.platforms.size(); ++p) {
    sim::Platform& pl = w.platforms[p];
    if (!pl.alive || !pl.services.dispatch) continue;
    double overflow = 0.0, spare = 0.0;
    thread_local std::vector<std::pair<sim::FirmIndex, double>> senders;
    senders.clear();
    for (auto i : firms) {
      const double over = f.orders[i] - std::fmin(f.orders[i], f.capacity(i)) - f.dispatched_out[i];
      if (over <= 0.0 || !f.platforms[i]) continue;
      const auto& a = c.services_of(i);
      if (a.dispatch_platform != static_cast<std::int32_t>(p)) continue;
      const double offer = over * c.params.services.dispatch_share * a.dispatch;
      senders.emplace_back(i, offer);
      overflow += offer;
    }
    if (overflow <= 0.0) continue;
    const auto& pool = c.members_of_type[t];
    for (auto j : pool)
      if (c.reach[p] & f.platforms[j]) spare += std::fmax(0.0, f.capacity(j) - f.output[j]);
    const double moved = std::fmin(overflow, spare);
    if (moved <= 0.0) continue;
    for (auto j : pool) {
      if (!(c.reach[p] & f.platforms[j])) continue;
      const double take = moved * std::fmax(0.0, f.capacity(j) - f.output[j]) / spare;
      f.output[j] += take;
      const double value = take * f.price[j];
      pl.gmv += value;
      c.stats.platform_gmv += value;
      if (!f.member_of(j, p)) {
        pl.cross_platform_gmv += value;
        c.stats.cross_platform_gmv += value;
      }
    }
    for (auto [i, offer] : senders) {
      const double units = moved * offer / overflow;
      f.dispatched_out[i] += units;
      f.fill[i] = std::fmin(1.0, f.fill[i] + units / f.orders[i]);
    }
    pl.dispatched_units += moved;
    c.stats.dispatched_units += moved;
  }
}

}  // namespace

void propagate_orders(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  for (auto i : c.directory.alive()) {
    f.orders[i] = 0.0;
    f.output[i] = 0.0;
    f.spot_units[i] = 0.0;
    f.dispatched_out[i] = 0.0;
    f.unsold[i] = 0.0;
    f.forecast_error[i] = 0.0;
  }
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind)
    allocate_demand(c, c.directory.type_key(ind, w.industries[ind].stages.size() - 1),
                    w.final_demand[ind] * c.demand_multiplier[ind]);

  std::vector<double> spot_demand(c.directory.n_types(), 0.0);
  thread_local std::vector<double> share;
  for (std::size_t t : c.customers_first) {
    // Every customer of this type has ordered by now. Firms serve their own orders up to capacity
    // (final-stage firms produce to a forecast); members' overflow is dispatched to idle members;
    // untied demand and remaining overflow go to the anonymous spot market, which spreads them
    // over the type's spare capacity.
    const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
    const bool final_stage = c.type_of[t].second + 1 == w.industries[c.type_of[t].first].stages.size();
    if (final_stage) {
      produce_to_forecast(c, firms);
    } else {
      for (auto i : firms) {
        f.output[i] = std::fmin(f.orders[i], f.capacity(i));
        f.fill[i] = f.orders[i] > 0.0 ? f.output[i] / f.orders[i] : 1.0;
      }
    }
    if (!w.platforms.empty()) dispatch_overflow(c, t, firms);
    double spot = spot_demand[t], spare = 0.0;
    for (auto i : firms) {
      if (!final_stage) spot += f.orders[i] - std::fmin(f.orders[i], f.capacity(i)) - f.dispatched_out[i];
      spare += std::fmax(0.0, f.capacity(i) - f.output[i]);
    }
    if (spare > 0.0 && spot > 0.0) {
      const double served = std::fmin(1.0, spot / spare);
      for (auto i : firms) f.output[i] += served * std::fmax(0.0, f.capacity(i) - f.output[i]);
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
              f.capacity(s) * std::pow(landed_cost_on(c, tie, f.price[s]) / c.mean_price[c.type_key(s)],
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
      const double rate = tie_cost_rate(c, tie);
      const double value = tie.delivered * f.price[s];
      cost += value * (1.0 + rate);
      tc += value * rate;
      lead += tie.delivered * tie_lead_days(c, tie);

      units += tie.delivered;
      shortfall[tie.input_slot] += tie.units - tie.delivered;
      tied[tie.input_slot] = 1;
    }
    // Untied inputs and supplier shortfalls are bought anonymously at a premium, with a delay.
    const double spot_days = tp.production_days + tp.order_processing_days + tp.spot_extra_days;
    const SpotTerms spot = spot_terms(c, i);
    double on_platform = 0.0;
    for (std::size_t slot = 0; slot < needs.size(); ++slot) {
      const double q = shortfall[slot] + (tied[slot] ? 0.0 : f.output[i] * needs[slot].per_unit);
      if (q <= 0.0) continue;
      const double pbar = c.mean_price[c.directory.type_key(needs[slot].industry, needs[slot].stage)];
      cost += q * pbar * (1.0 + spot.rate);
      tc += q * pbar * spot.rate;
      lead += q * spot_days;
      units += q;
      if (spot.platform >= 0) on_platform += q * pbar;
    }
    f.marketplace_value[i] = sim::Money{on_platform};
    const auto& r = w.regions[sim::idx(f.region[i])];
    const double fixed = (r.labour_cost.yuan + r.land_cost.yuan * f.overhead_factor[i]) * f.employees[i] +
                         (f.on_cloud[i] ? cloud_cost(c, i) : 0.0);
    const double rework = f.defect_rate[i] * (cost + fixed);
    const double base_unit = f.output[i] > 0.0 ? (cost + fixed) / f.output[i] : 0.0;
    f.inventory_cost[i] = sim::Money{c.params.services.markdown_cost * base_unit * f.unsold[i]};
    f.inputs_bought[i] = units;
    f.lead_time_days[i] = units > 0.0 ? lead / units : 0.0;
    f.input_cost[i] = sim::Money{cost};
    f.transaction_cost[i] = sim::Money{tc};
    f.revenue[i] = sim::Money{f.price[i] * (f.output[i] - f.unsold[i])};
    f.total_cost[i] = sim::Money{cost + fixed + rework} + f.inventory_cost[i];
    f.profit[i] = f.revenue[i] - f.total_cost[i];
    f.cash[i] += f.profit[i];
    f.loss_streak[i] = f.profit[i].yuan < 0.0 ? f.loss_streak[i] + 1 : 0;
    if (f.output[i] > 0.0) f.input_unit_cost[i] = cost / f.output[i];
    if (f.orders[i] > 0.0) f.reputation[i] += 0.1 * (fill_rate(f, i) - f.reputation[i]);
  });
  // Platform trade and fees, summed serially in firm order so totals do not depend on threads.
  // (The fee is part of the buyer's transaction cost above.)
  if (w.platforms.empty()) return;
  for (auto i : alive) {
    if (const auto p = c.services_of(i).marketplace_platform; p >= 0 && f.marketplace_value[i].yuan > 0.0) {
      sim::Platform& pl = w.platforms[static_cast<std::size_t>(p)];
      const double value = f.marketplace_value[i].yuan;
      pl.revenue += sim::Money{value * charged_fee(c, pl)};
      pl.gmv += value;
      c.stats.platform_gmv += value;
    }
    for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
      const sim::Tie& tie = w.network[*e];
      if (!tie.is_supply() || tie.channel != sim::TieChannel::Platform || tie.platform >= w.platforms.size())
        continue;
      sim::Platform& pl = w.platforms[tie.platform];
      const double value = tie.delivered * f.price[boost::source(*e, w.network)];
      pl.revenue += sim::Money{value * commission_rate(c, tie)};
      pl.gmv += value;
      c.stats.platform_gmv += value;
      if (tie.cross_platform) {
        pl.cross_platform_gmv += value;
        c.stats.cross_platform_gmv += value;
      }
    }
  }
}

}  // namespace vicsim::agents
