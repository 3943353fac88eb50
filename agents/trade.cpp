#include "agents/trade.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "agents/cross_border.hpp"
#include "agents/household_consumption.hpp"
#include "agents/in_plant_services.hpp"
#include "agents/infrastructure_feedback.hpp"
#include "agents/platform_hierarchy.hpp"
#include "agents/platform_services.hpp"
#include "agents/policies.hpp"
#include "agents/shared_apps.hpp"
#include "agents/shipment_consolidation.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/transaction_cost.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/refill.hpp"
#include "sim/tie_delivery.hpp"
#include "sim/transaction_cost_parts.hpp"

namespace vicsim::agents {

void set_prices(ModelContext& c) {
  sim::Firms& f = c.world.firms;
  const auto& alive = c.directory.alive();
  const double u = c.params.market.initial_utilisation;
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    // Fixed labour and land spread over the output expected at normal utilisation.
    const double fixed = workforce_cost(c, i);
    // Reworking defective output costs the same again for that share.
    // Normal (undisrupted) capacity: a temporary disruption does not reprice the firm's output.
    f.unit_cost[i] = (fixed / (f.employees[i] * f.output_per_worker(i) * u) + f.input_unit_cost[i]) *
                     (1.0 + f.defect_rate[i]);
    f.price[i] = (1.0 + c.params.market.markup) * f.unit_cost[i];
  });
  const std::size_t n = c.directory.n_types();
  // A type without capacity this month keeps its last known mean price: its imports and spot units are
  // still paid for (7.28). One never made since set-up takes the cluster's mean price over all types.
  c.mean_price.resize(n, 0.0);
  c.type_priced.resize(n, 0);
  c.mean_productivity.assign(n, 0.0);
  double all_cap = 0.0, all_pc = 0.0;
  for (std::size_t t = 0; t < n; ++t) {
    double cap = 0.0, pc = 0.0, ac = 0.0;
    for (auto i : c.directory.of_type(c.type_of[t].first, c.type_of[t].second)) {
      cap += f.capacity(i);
      pc += f.capacity(i) * f.price[i];
      ac += f.capacity(i) * f.productivity[i];
    }
    if (cap > 0.0) {
      c.mean_price[t] = pc / cap;
      c.type_priced[t] = 1;
    }
    c.mean_productivity[t] = cap > 0.0 ? ac / cap : 1.0;
    all_cap += cap;
    all_pc += pc;
  }
  for (std::size_t t = 0; t < n; ++t)
    if (!c.type_priced[t] && all_cap > 0.0) c.mean_price[t] = all_pc / all_cap;
}

double demand_weight(const ModelContext& c, sim::FirmIndex i, double pbar) {
  const sim::Firms& f = c.world.firms;
  const auto& m = c.params.market;
  return f.capacity(i) * std::pow(f.price[i] / pbar, -m.price_elasticity) *
         std::fmax(0.0, 1.0 + m.reputation_weight * (f.reputation[i] - 0.5));
}

void allocate_demand(ModelContext& c, std::size_t t, double units) {
  sim::Firms& f = c.world.firms;
  const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
  if (firms.empty() || units <= 0.0) return;
  const double pbar = c.mean_price[t];
  // Weights per firm in parallel (each its own slot; a local, not thread_local: the workers write into the
  // calling thread's list), summed serially in directory order.
  std::vector<double> weight(firms.size(), 0.0);
  sim::parallel_for(firms.size(), c.threads,
                    [&](std::size_t k) { weight[k] = demand_weight(c, firms[k], pbar); });
  double total = 0.0;
  for (std::size_t k = 0; k < firms.size(); ++k) total += weight[k];
  if (total <= 0.0) return;
  sim::parallel_for(firms.size(), c.threads,
                    [&](std::size_t k) { f.orders[firms[k]] += units * weight[k] / total; });
}

namespace {

/** Which supplier fields a loop over in-ties reads (prefetch_in_ties). */
enum class TieReads { Orders, Settlement };

/** Starts the loads of buyer i's in-tie records and of the supplier fields their terms read (region,
 * in-plant purchase, ratings record, the supplier's own lane to i's region; for orders its SupplierOffer and
 * i's own output; at settlement its price and delivery odds, `odds` indexed by supplier), so that the
 * cache misses of a firm's ties overlap instead of coming one tie at a time: ties and suppliers sit at
 * scattered addresses once the network outgrows the cache. Loops call it a few firms ahead of the firm they
 * work on (kPrefetchAhead), so that the loads have arrived when the firm's turn comes. A hint only: it
 * changes no value. */
void prefetch_in_ties(const ModelContext& c, sim::FirmIndex i, TieReads reads, const DeliveryOdds* odds) {
  const auto& g = c.world.network;
  const sim::Firms& f = c.world.firms;
  const auto& L = c.lanes;
  sim::prefetch_ties(g, i);
  if (reads == TieReads::Orders)
    sim::prefetch(&f.output[i]);  // what it wants of each input follows its output
  for (const auto& a : g.in_arcs(i)) {
    const std::size_t s = a.partner;
    sim::prefetch(&f.region[s]);
    sim::prefetch(&f.in_plant_platform[s]);
    sim::prefetch(&f.record[s]);
    if (s < L.own.size()) sim::prefetch(&L.own[s]);
    if (reads == TieReads::Orders) {
      sim::prefetch(&c.supplier_offers[s]);  // capacity, price and type price in one record
    } else {
      sim::prefetch(&f.price[s]);
      if (odds) sim::prefetch(&odds[s]);
    }
  }
}

/** How many firms ahead a loop over firms prefetches their in-ties (prefetch_in_ties). */
constexpr std::size_t kPrefetchAhead = 3;

/** For the firm at position k of `firms` in a loop that starts at `first`, calls hint(firm) on the firm
 * kPrefetchAhead places ahead, and at the loop's start on its first kPrefetchAhead firms, so that every
 * firm's loads were started a few firms before its turn. */
template <class Hint>
void prefetch_window(const std::vector<sim::FirmIndex>& firms, std::size_t first, std::size_t k,
                     Hint&& hint) {
  if (k == first)
    for (std::size_t j = k; j < std::min(firms.size(), k + kPrefetchAhead); ++j) hint(firms[j]);
  if (k + kPrefetchAhead < firms.size()) hint(firms[k + kPrefetchAhead]);
}

/** How many firms ahead the second stage loads the suppliers' further lanes (prefetch_further_lanes): less
 * than kPrefetchAhead, so that the lane records prefetch_in_ties started have arrived. */
constexpr std::size_t kFurtherLanesAhead = 1;

/** The second stage of prefetch_in_ties for buyer b: its suppliers' lane records (OwnLanes) are in cache by
 * now, so the further lane each tie's shipping reads (LogisticsLanes::own_flow to b's region) starts loading.
 * At 1M firms 48% of tie_shipping's samples waited for that lane (docs/PERFORMANCE.md, session 42). */
void prefetch_further_lanes(const ModelContext& c, sim::FirmIndex b) {
  const std::size_t rb = sim::idx(c.world.firms.region[b]);
  for (const auto& a : c.world.network.in_arcs(b)) c.lanes.prefetch_further_lane(a.partner, rb);
}

/** The prefetch window of prefetch_in_ties, plus the in-arc lists it reads (prefetch_arcs_ahead) and, for
 * the firm just ahead, the further lanes (prefetch_further_lanes). */
void prefetch_ahead(const ModelContext& c, const std::vector<sim::FirmIndex>& firms, std::size_t first,
                    std::size_t k, TieReads reads, const DeliveryOdds* odds = nullptr) {
  prefetch_window(firms, first, k, [&](sim::FirmIndex j) { prefetch_in_ties(c, j, reads, odds); });
  sim::prefetch_arcs_ahead(c.world.network, firms, k, kPrefetchAhead);
  if (k + kFurtherLanesAhead < firms.size()) prefetch_further_lanes(c, firms[k + kFurtherLanesAhead]);
}

/** Fills c.supplier_offers for every firm slot from the firm arrays and this month's mean prices (set_prices
 * ran): each slot is its own, so in parallel. */
void gather_supplier_offers(ModelContext& c) {
  const sim::Firms& f = c.world.firms;
  sim::resize_kept(c.supplier_offers, f.size());
  sim::parallel_for(f.size(), c.threads, [&](std::size_t i) {
    const auto s = static_cast<sim::FirmIndex>(i);
    c.supplier_offers[i] = {f.capacity(s), f.price[i], c.mean_price[c.type_key(s)]};
  });
}

/** C2M forecasting: final-stage firms produce to a forecast of their orders; the error's spread
 * shrinks for members of a platform with the forecasting service, by as much as the C2M data that
 * reached it through the SimGrid layer is still fresh (7.47). */
void produce_to_forecast(ModelContext& c, const std::vector<sim::FirmIndex>& firms) {
  sim::Firms& f = c.world.firms;
  const auto& sp = c.params.services;
  const double sd_offline = sp.forecast_error_sd + sp.c2m_share * sp.c2m_error_sd;
  // Each firm draws from its own counter RNG and writes only its own slots: parallel, any thread count.
  sim::parallel_for(firms.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = firms[k];
    sim::Rng rng(c.world.seed, sim::Stream::Forecast, c.world.firms.id(i),
                 static_cast<std::uint64_t>(c.world.tick));
    // The cut needs the C2M data the platform received; stale data predicts less (7.47).
    const double cut = sp.forecast_error_cut * c.services_of(i).forecasting *
                       (f.platforms[i] ? member_forecast_freshness(c, i) : 0.0);
    const double eps = std::max(-0.9, sim::normal(rng, 0.0, sd_offline * (1.0 - cut)));
    f.forecast_error[i] = eps;
    // Goods in stock serve orders first, so only the rest is made.
    const double planned = std::fmax(0.0, f.orders[i] * (1.0 + eps) - f.finished_stock[i]);
    f.own_output[i] = f.output[i] = std::fmin(planned, f.capacity(i));
  });
}

/** Order dispatch (the carbon-guitar case): a member's orders beyond its capacity go to idle
 * capacity of members of the same type that its dispatching platform reaches, before the spot market,
 * when the coordination gets through the network within the dispatch window (7.48).
 * Planned here; realised, paid and counted in GMV in realise_production once receivers' inputs are known. */
void dispatch_overflow(ModelContext& c, std::size_t t, const std::vector<sim::FirmIndex>& firms) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  for (std::size_t p = 0; p < w.platforms.size(); ++p) {
    sim::Platform& pl = w.platforms[p];
    if (!pl.alive || !pl.services.dispatch) continue;
    double overflow = 0.0, spare = 0.0;
    DispatchEvent ev{p, t, 0.0, {}, {}};
    for (auto i : firms) {
      const double over =
          f.orders[i] - std::fmin(f.orders[i], f.capacity(i) + f.finished_stock[i]) - f.dispatched_out[i];
      if (over <= 0.0 || !f.platforms[i]) continue;
      const auto& a = c.services_of(i);
      if (a.dispatch_platform != static_cast<std::int32_t>(p)) continue;
      // Only coordination that completes within the dispatch window moves orders (7.48).
      const double offer =
          over * c.params.services.dispatch_share * a.dispatch * member_dispatch_in_time(c, i, p);
      ev.senders.emplace_back(i, offer);
      overflow += offer;
    }
    if (overflow <= 0.0) continue;
    const auto& pool = c.members_of_type[t];
    // A firm whose orders exceed its capacity and stock has overflow of its own: it does not take others'
    // (a final-stage firm that under-forecast has idle capacity and unmet orders at once, 7.20).
    const auto receives = [&](sim::FirmIndex j) {
      return (c.reach[p] & f.platforms[j]) && f.orders[j] <= f.capacity(j) + f.finished_stock[j];
    };
    for (auto j : pool)
      if (receives(j)) spare += std::fmax(0.0, f.capacity(j) - f.output[j]);
    const double moved = std::fmin(overflow, spare);
    if (moved <= 0.0) continue;
    for (auto j : pool) {
      if (!receives(j)) continue;
      const double take = moved * std::fmax(0.0, f.capacity(j) - f.output[j]) / spare;
      if (take <= 0.0) continue;
      f.output[j] += take;
      f.dispatched_in[j] += take;
      ev.receivers.emplace_back(j, take);
    }
    for (auto& [i, offer] : ev.senders) {
      offer = moved * offer / overflow;
      f.dispatched_out[i] += offer;
    }
    ev.moved = moved;
    c.dispatches.push_back(std::move(ev));
  }
}

/** Inputs firm i receives this tick per slot: its ties' deliveries plus its rationed spot purchases
 * (untied requirement or tie shortfalls). Also adds the spot part to `spot_units`/`spot_value`, and appends
 * per slot (imported units, import value in yuan) to `imports`, for the caller to book in firm order. */
void receive_inputs(ModelContext& c, sim::FirmIndex i, std::vector<double>& received,
                    std::vector<std::pair<double, double>>& imports) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& needs = c.needs[c.type_key(i)];
  thread_local std::vector<double> shortfall;
  thread_local std::vector<std::uint8_t> tied;
  received.assign(needs.size(), 0.0);
  shortfall.assign(needs.size(), 0.0);
  tied.assign(needs.size(), 0);
  for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
    const sim::Tie& tie = w.network[*e];
    if (!tie.is_supply() || tie.input_slot >= needs.size()) continue;
    const double delivered = sim::delivered_units(tie, f);
    received[tie.input_slot] += delivered;
    shortfall[tie.input_slot] += tie.units - delivered;
    if (tie.units > 0.0) tied[tie.input_slot] = 1;  // else the slot's requirement went to the spot market
  }
  for (std::size_t slot = 0; slot < needs.size(); ++slot) {
    const auto u = c.directory.type_key(needs[slot].industry, needs[slot].stage);
    const double asked = tied[slot]
                             ? shortfall[slot]
                             : std::fmax(0.0, f.output[i] * needs[slot].per_unit - f.input_stock[i][slot]);
    const double got = asked * c.spot_ratio[u];
    // The cluster's spot sellers serve a share of every request; the rest, with imports on, comes from
    // the rest of the world at a premium.
    const double domestic = std::fmin(got, asked * c.spot_domestic[u]);
    const double imported = got - domestic;
    const double import_value = imported * c.mean_price[u] * (1.0 + c.params.trade.import_premium);
    received[slot] += got;
    f.input_spot[i][slot] = got;
    f.spot_bought[i] += got;
    f.spot_value[i] += sim::Money{domestic * c.mean_price[u] + import_value};
    f.import_value[i] += sim::Money{import_value};
    imports.push_back({imported, import_value});
    if (!tied[slot]) f.spot_units[i] += got;
  }
}

/** Realises the month's production supplier types first (7.28): each firm produces what its inputs
 * allow (Leontief), dispatches and deliveries follow, and the spot market sells only what was made. */
void realise_production(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  sim::GoodsFlows& goods = c.ledger.goods();
  sim::refill(c.output_scale, f.size(), 1.0);
  sim::refill(c.dispatched_on_time, f.size(), 0.0);
  sim::refill(c.dispatched_defect, f.size(), 0.0);
  c.spot_ratio.assign(c.directory.n_types(), 0.0);
  c.spot_domestic.assign(c.directory.n_types(), 0.0);
  // Per chunk of a type's firms: imports per input slot (units, yuan), each firm's (inputs in, used), each
  // supply out-tie's (ordered, undelivered) units and each firm's count of them.
  constexpr std::size_t kDeliveryChunk = 256;
  // Per firm, what the serial sums read, recorded in the parallel pass so the sums read the chunk's list in
  // order instead of the firm arrays at the type's scattered indices (the same values, added in the same
  // order).
  struct FirmFlows {
    double in, used, output;
  };
  struct FirmGoods {
    double scrapped, delivered, final_orders, lost, spot_sold;
    std::uint32_t ties;  ///< supply out-ties listed in tie_units
  };
  std::vector<std::vector<std::pair<double, double>>> imports_of;
  std::vector<std::vector<FirmFlows>> flows_of;
  std::vector<std::vector<std::pair<double, double>>> tie_units;
  std::vector<std::vector<FirmGoods>> goods_of;
  for (auto it = c.customers_first.rbegin(); it != c.customers_first.rend(); ++it) {
    const std::size_t t = *it;
    const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
    const auto& needs = c.needs[t];
    // 1. Leontief: output ≤ (stock + received) / coefficient for every input; the rest is carried.
    // Each firm reads its own in-ties and writes its own slots in parallel; its imports and goods flows are
    // listed per chunk and booked below in firm order, the order of a sequential loop.
    const std::size_t n_chunks = sim::chunk_count(firms.size(), kDeliveryChunk);
    if (imports_of.size() < n_chunks) imports_of.resize(n_chunks);
    if (flows_of.size() < n_chunks) flows_of.resize(n_chunks);
    sim::parallel_chunks(n_chunks, c.threads, [&](std::size_t chunk, std::size_t) {
      thread_local std::vector<double> received;  // each worker's own scratch
      auto& imports = imports_of[chunk];
      auto& flows = flows_of[chunk];
      imports.clear();
      flows.clear();
      for (std::size_t k = chunk * kDeliveryChunk; k < std::min(firms.size(), (chunk + 1) * kDeliveryChunk);
           ++k) {
        const sim::FirmIndex i = firms[k];
        // The tie records and the stock lists a few firms ahead.
        prefetch_window(firms, chunk * kDeliveryChunk, k, [&](sim::FirmIndex ahead) {
          sim::prefetch_ties(w.network, ahead);
          // Its suppliers' fill rates: what each in-tie delivered (sim::delivered_units).
          for (const auto& a : w.network.in_arcs(ahead)) sim::prefetch(&f.fill[a.partner]);
          if (!f.input_stock[ahead].empty()) sim::prefetch(f.input_stock[ahead].data());
          if (!f.input_spot[ahead].empty()) sim::prefetch(f.input_spot[ahead].data());
        });
        sim::prefetch_arcs_ahead(w.network, firms, k, kPrefetchAhead);
        receive_inputs(c, i, received, imports);
        double lambda = 1.0;
        for (std::size_t slot = 0; slot < needs.size(); ++slot) {
          const double need = f.output[i] * needs[slot].per_unit;
          if (need > 0.0) lambda = std::fmin(lambda, (f.input_stock[i][slot] + received[slot]) / need);
        }
        lambda = std::fmax(0.0, lambda);
        c.output_scale[i] = lambda;
        f.output[i] *= lambda;
        f.own_output[i] *= lambda;
        f.dispatched_in[i] *= lambda;
        f.spot_sold[i] *= lambda;
        double in = 0.0, used = 0.0;
        for (std::size_t slot = 0; slot < needs.size(); ++slot) {
          const double use = f.output[i] * needs[slot].per_unit;
          f.input_stock[i][slot] = std::fmax(0.0, f.input_stock[i][slot] + received[slot] - use);
          in += received[slot];
          used += use;
        }
        f.inputs_bought[i] = in;
        flows.push_back({in, used, f.output[i]});
        f.dispatched_out[i] = 0.0;
      }
    });
    for (std::size_t chunk = 0; chunk < n_chunks; ++chunk) {
      for (const auto& [imported, import_value] : imports_of[chunk]) {
        goods.imports += imported;
        c.ledger.pay(sim::Sector::Firms, sim::Sector::RestOfWorld, sim::FlowKind::Imports, import_value);
      }
      for (std::size_t k = chunk * kDeliveryChunk, m = 0;
           k < std::min(firms.size(), (chunk + 1) * kDeliveryChunk); ++k, ++m) {
        const auto [in, used, output] = flows_of[chunk][m];
        goods.inputs_in += in;
        goods.inputs_used += used;
        goods.deliveries += in;
        goods.production += output;
      }
    }
    // 2. Dispatch as realised: senders hand over what the receivers could make.
    for (const auto& ev : c.dispatches) {
      if (ev.type != t) continue;
      sim::Platform& pl = w.platforms[ev.platform];
      double units = 0.0, value = 0.0, on_time = 0.0, defect = 0.0;
      for (auto [j, take] : ev.receivers) {
        const double made = take * c.output_scale[j];
        units += made;
        value += made * f.price[j];
        on_time += made * f.on_time_prob[j];
        defect += made * f.defect_rate[j];
        f.transfer_in[j] += sim::Money{made * f.price[j]};
        if (!f.member_of(j, ev.platform)) {
          pl.cross_platform_gmv += made * f.price[j];
          c.stats.cross_platform_gmv += made * f.price[j];
          pl.integrated_gmv += made * f.price[j];
          c.stats.integrated_gmv += made * f.price[j];
        }
      }
      if (units <= 0.0) continue;
      const double transfer_price = value / units, fee = charged_fee(c, pl);
      for (auto [i, planned] : ev.senders) {
        const double got = planned * units / ev.moved;
        f.dispatched_out[i] += got;
        f.transfer_out[i] += sim::Money{got * transfer_price * (1.0 + fee)};
        // The receivers' reliability goes with the units to the sender's customers (draw_delivery).
        c.dispatched_on_time[i] += got * on_time / units;
        c.dispatched_defect[i] += got * defect / units;
      }
      c.ledger.pay(sim::Sector::Firms, sim::Sector::Firms, sim::FlowKind::DispatchTransfer, value);
      c.ledger.pay(sim::Sector::Firms, sim::Sector::Platforms, sim::FlowKind::DispatchFee, value * fee);
      pl.revenue += sim::Money{value * fee};
      pl.gmv += value;
      c.stats.platform_gmv += value;
      pl.dispatched_units += units;
      c.stats.dispatched_units += units;
    }
    // 3. Deliveries: finished stock first (oldest goods), then this month's production, plus dispatched
    // units. The overshoot's personalised (C2M) share is scrapped; standard goods are carried, and a share
    // of the carried stock becomes obsolete each month.
    const double personalised = c.is_final_type(t) ? c.params.services.c2m_share : 0.0;
    const auto& tp = c.params.trade;
    // Each firm settles its own stock and its own out-ties in parallel and lists, per chunk, its ties'
    // ordered and undelivered units; the sums then add them in firm and out-edge order, the order of a
    // sequential loop, so they are the same for any thread count.
    if (tie_units.size() < n_chunks) tie_units.resize(n_chunks);
    if (goods_of.size() < n_chunks) goods_of.resize(n_chunks);
    sim::parallel_chunks(n_chunks, c.threads, [&](std::size_t chunk, std::size_t) {
      auto& units = tie_units[chunk];
      auto& listed = goods_of[chunk];
      units.clear();
      listed.clear();
      for (std::size_t k = chunk * kDeliveryChunk; k < std::min(firms.size(), (chunk + 1) * kDeliveryChunk);
           ++k) {
        const sim::FirmIndex i = firms[k];
        f.from_stock[i] = std::fmin(f.finished_stock[i], f.orders[i]);
        const double sold_new = std::fmin(f.own_output[i], f.orders[i] - f.from_stock[i]);
        const double sold = f.from_stock[i] + sold_new;
        f.unsold[i] = f.own_output[i] - sold_new;
        const double scrapped = personalised * f.unsold[i];
        const double carried = f.finished_stock[i] - f.from_stock[i] + f.unsold[i] - scrapped;
        const double obsolete = tp.obsolescence_per_month * carried;
        f.finished_stock[i] = carried - obsolete;
        f.scrapped[i] = scrapped + obsolete;
        f.fill[i] = f.orders[i] > 0.0 ? std::fmin(1.0, (sold + f.dispatched_out[i]) / f.orders[i]) : 1.0;
        f.lost_units[i] = f.orders[i] * (1.0 - f.fill[i]);
        std::uint32_t n = 0;
        prefetch_window(firms, chunk * kDeliveryChunk, k,
                        [&](sim::FirmIndex ahead) { sim::prefetch_ties(w.network, ahead, true); });
        sim::prefetch_arcs_ahead(w.network, firms, k, kPrefetchAhead, true);
        for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e) {
          const sim::Tie& tie = w.network[*e];
          if (!tie.is_supply()) continue;
          units.push_back({tie.units, tie.units - sim::delivered_units(tie, f.fill[i])});
          ++n;
        }
        listed.push_back({f.scrapped[i], f.fill[i] * f.final_orders[i], f.final_orders[i],
                          (1.0 - f.fill[i]) * f.final_orders[i], f.spot_sold[i], n});
      }
    });
    double supply = 0.0, asked = c.spot_untied[t];
    for (std::size_t chunk = 0; chunk < n_chunks; ++chunk) {
      const auto* tie = tie_units[chunk].data();
      for (const FirmGoods& g : goods_of[chunk]) {
        goods.losses += g.scrapped;
        goods.deliveries += g.delivered;
        // Lost sales as buyers see them: household orders not served here (tie shortfalls are asked
        // again on the spot market below).
        c.stats.orders_units += g.final_orders;
        c.stats.lost_units += g.lost;
        supply += g.spot_sold;
        for (std::uint32_t j = 0; j < g.ties; ++j, ++tie) {
          asked += tie->second;
          c.stats.orders_units += tie->first;
        }
      }
    }
    // 4. The spot market serves each request pro rata to what its sellers made; the rest is imported, or
    // with imports off, a lost sale (no backorders).
    c.spot_domestic[t] = asked > 0.0 ? std::fmin(1.0, supply / asked) : 0.0;
    c.spot_ratio[t] = c.params.trade.imports ? 1.0 : c.spot_domestic[t];
    c.stats.orders_units += c.spot_untied[t];
    c.stats.lost_units += asked * (1.0 - c.spot_ratio[t]);
    if (supply > asked)
      goods.losses += supply - asked;  // never expected: sellers make at most what was asked
  }
}

}  // namespace

void propagate_orders(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  // Region levels change only at the start of a month (policies); every tie's order handling reads them.
  c.access_links.refresh(c.params.infrastructure, w.regions);
  const auto& alive = c.directory.alive();
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {  // each firm's own slots
    const sim::FirmIndex i = alive[k];
    f.orders[i] = 0.0;
    f.output[i] = 0.0;
    f.own_output[i] = 0.0;
    f.spot_units[i] = 0.0;
    f.spot_bought[i] = 0.0;
    f.spot_value[i] = f.import_value[i] = sim::Money{0.0};
    f.spot_sold[i] = 0.0;
    f.dispatched_out[i] = 0.0;
    f.dispatched_in[i] = 0.0;
    f.transfer_in[i] = f.transfer_out[i] = sim::Money{0.0};
    f.unsold[i] = 0.0;
    f.from_stock[i] = f.scrapped[i] = 0.0;
    f.forecast_error[i] = 0.0;
    f.final_orders[i] = 0.0;
    std::ranges::fill(f.input_spot[i], 0.0);  // input_stock carries over; slots beyond the type's stay 0
  });
  c.dispatches.clear();
  // Foreign buyers' orders, through the channels that reach them (7.78); the rest of the world's budget
  // left over is spent in the households' mix (7.85).
  spend_foreign_remainder(c, allocate_exports(c));
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind)
    allocate_demand(c, c.directory.type_key(ind, w.industries[ind].stages.size() - 1),
                    w.final_demand[ind] * c.demand_multiplier[ind] * c.consumption_scale);
  sim::parallel_for(alive.size(), c.threads,
                    [&](std::size_t k) { f.final_orders[alive[k]] = f.orders[alive[k]]; });

  std::vector<double>& spot_demand = c.spot_untied;
  spot_demand.assign(c.directory.n_types(), 0.0);
  // Per chunk of customers: (supplier, units) additions to orders and (type, units) to the spot market.
  // (Locals, not thread_local: the workers write into the calling thread's lists.)
  std::vector<std::vector<std::pair<sim::FirmIndex, double>>> order_adds;
  std::vector<std::vector<std::pair<std::size_t, double>>> spot_adds;
  gather_supplier_offers(c);
  for (std::size_t t : c.customers_first) {
    // Every customer of this type has ordered by now. Firms plan to serve their own orders up to
    // capacity (final-stage firms produce to a forecast); members' overflow is dispatched to idle
    // members; untied demand and remaining overflow go to the anonymous spot market, which spreads
    // them over the type's spare capacity. What inputs allow is settled in realise_production.
    const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
    const bool final_stage = c.is_final_type(t);
    if (final_stage) {
      produce_to_forecast(c, firms);
    } else {
      sim::parallel_for(firms.size(), c.threads, [&](std::size_t k) {
        const sim::FirmIndex i = firms[k];
        f.own_output[i] = f.output[i] =
            std::fmin(std::fmax(0.0, f.orders[i] - f.finished_stock[i]), f.capacity(i));
      });
    }
    if (!w.platforms.empty()) dispatch_overflow(c, t, firms);
    double spot = spot_demand[t], spare = 0.0;
    for (auto i : firms) {
      if (!final_stage)
        spot +=
            f.orders[i] - std::fmin(f.orders[i], f.capacity(i) + f.finished_stock[i]) - f.dispatched_out[i];
      spare += std::fmax(0.0, f.capacity(i) - f.output[i]);
    }
    if (spare > 0.0 && spot > 0.0) {
      const double served = std::fmin(1.0, spot / spare);
      sim::parallel_for(firms.size(), c.threads, [&](std::size_t k) {
        const sim::FirmIndex i = firms[k];
        const double sold = served * std::fmax(0.0, f.capacity(i) - f.output[i]);
        f.spot_sold[i] = sold;
        f.output[i] += sold;
      });
    }
    // Split each input over the slot's suppliers by capacity and landed cost. Each customer sets the units
    // on its own in-ties (in parallel: they read no other customer's orders) and lists what it adds to
    // suppliers' orders and to the spot market; the additions are applied in customer order, so the sums
    // are those of a sequential loop for any thread count.
    const auto& needs = c.needs[t];
    constexpr std::size_t kChunk = 256;
    const std::size_t n_chunks = sim::chunk_count(firms.size(), kChunk);
    if (order_adds.size() < n_chunks) order_adds.resize(n_chunks);
    if (spot_adds.size() < n_chunks) spot_adds.resize(n_chunks);
    sim::parallel_chunks(n_chunks, c.threads, [&](std::size_t chunk, std::size_t) {
      thread_local std::vector<double> share, slot_total;  // each worker's own scratch
      auto& adds = order_adds[chunk];
      auto& spots = spot_adds[chunk];
      adds.clear();
      spots.clear();
      for (std::size_t k = chunk * kChunk; k < std::min(firms.size(), (chunk + 1) * kChunk); ++k) {
        const sim::FirmIndex i = firms[k];
        // Two passes over the in-ties for all slots together (not two per slot): each slot's total still
        // sums in in-edge order.
        slot_total.assign(needs.size(), 0.0);
        share.clear();
        prefetch_ahead(c, firms, chunk * kChunk, k, TieReads::Orders);
        if (k + kPrefetchAhead < firms.size())  // its input stock, which wanted() reads
          if (const auto& stock = f.input_stock[firms[k + kPrefetchAhead]]; !stock.empty())
            sim::prefetch(stock.data());
        for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
          const sim::Tie& tie = w.network[*e];
          if (!tie.is_supply() || tie.input_slot >= needs.size()) continue;
          const SupplierOffer& offer = c.supplier_offers[boost::source(*e, w.network)];
          const double wgt =
              offer.capacity * std::pow(landed_cost_on(c, tie, i, offer.price) / offer.type_price,
                                        -c.params.market.price_elasticity);
          share.push_back(wgt);
          slot_total[tie.input_slot] += wgt;
        }
        // Inputs in stock are used first.
        auto wanted = [&](std::size_t slot) {
          return std::fmax(0.0, f.output[i] * needs[slot].per_unit - f.input_stock[i][slot]);
        };
        std::size_t n = 0;
        for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
          sim::Tie& tie = w.network[*e];
          if (!tie.is_supply() || tie.input_slot >= needs.size()) continue;
          const double total = slot_total[tie.input_slot];
          tie.units = total > 0.0 ? wanted(tie.input_slot) * share[n] / total : 0.0;
          ++n;
          adds.push_back({static_cast<sim::FirmIndex>(boost::source(*e, w.network)), tie.units});
        }
        for (std::size_t slot = 0; slot < needs.size(); ++slot)
          if (slot_total[slot] <= 0.0)
            spots.push_back({c.directory.type_key(needs[slot].industry, needs[slot].stage), wanted(slot)});
      }
    });
    for (std::size_t chunk = 0; chunk < n_chunks; ++chunk) {
      for (const auto& [s, units] : order_adds[chunk]) f.orders[s] += units;
      for (const auto& [key, units] : spot_adds[chunk]) spot_demand[key] += units;
    }
  }
  realise_production(c);
}

namespace {

/** What one platform-channel supply tie pays its platform this month and adds to its GMV, computed in
 * settlement's parallel pass and booked in the serial pass in firm and in-edge order. Each product is
 * formed here exactly as the booking would form it, so the bytes do not depend on where it is computed. */
struct PlatformTrade {
  std::uint32_t k;              ///< index of the buyer in the directory's alive list
  std::uint8_t platform;        ///< the platform that carries the tie
  bool pooled = false;          ///< shipped through the platform's shared logistics (7.60)
  bool cross_platform = false;  ///< the tie's partners meet through 1+N interconnection
  bool integrated = false;      ///< cross-platform or an integrated pair (7.53)
  double value = 0.0;           ///< delivered units × supplier price, yuan
  double commission = 0.0;      ///< value × commission rate, yuan
  double logistics_fee = 0.0;   ///< value × shared-logistics fee (pooled only), yuan
  double logistics_cost = 0.0;  ///< value × the platform's logistics cost rate (pooled only), yuan
  double gmv = 0.0;             ///< value × the supplier's own share of what it delivered, yuan
};

}  // namespace

void settle_accounts(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& tp = c.params.trade;
  const auto& alive = c.directory.alive();
  // Per alive firm (by its place in the alive list, not its slot: exited slots need none): what goes to
  // households as services, and its purchases (serial ledger pass below).
  auto& services = c.month_work.services;
  auto& purchases = c.month_work.purchases;
  sim::refill(services, alive.size(), 0.0);
  sim::refill(purchases, alive.size(), 0.0);
  // Chunks of the alive list that hold the firms of the metrics' chunks of firm ids (kFirmSumChunk): each
  // chunk sums its firms' transaction-cost parts in firm order, as the metrics pass adds them.
  const std::size_t n_chunks = sim::chunk_count(f.created(), sim::kFirmSumChunk);
  std::vector<std::size_t> chunk_begin(n_chunks + 1);
  for (std::size_t ch = 0; ch <= n_chunks; ++ch)
    chunk_begin[ch] = static_cast<std::size_t>(
        std::lower_bound(alive.begin(), alive.end(), ch * sim::kFirmSumChunk,
                         [&f](sim::FirmIndex i, std::size_t id) { return f.id(i) < id; }) -
        alive.begin());
  c.transaction_cost_parts.assign(n_chunks, sim::TransactionCostParts{});
  // Per chunk: the platform-channel ties' payments, in firm and in-edge order.
  std::vector<std::vector<PlatformTrade>> trades_of(n_chunks);
  const bool platforms = !w.platforms.empty();
  // Every supplier's delivery odds, gathered in one pass in slot order: the pass over the ties below reads
  // them at scattered suppliers, and none of what they are made of changes in it.
  auto& odds = c.month_work.delivery_odds;
  sim::resize_kept(odds, f.size());  // every slot is written below
  sim::parallel_for(f.size(), c.threads,
                    [&](std::size_t s) { odds[s] = delivery_odds(c, static_cast<sim::FirmIndex>(s)); });
  auto settle_firm = [&](std::size_t k, std::vector<PlatformTrade>& trades, sim::TransactionCostParts& sum) {
    const sim::FirmIndex i = alive[k];
    const auto& needs = c.needs[c.type_key(i)];
    double cost = 0.0, tc = 0.0, fees = 0.0, lead = 0.0, bought = 0.0;
    // Landed cost and units per input slot: the price basis of next month's unit cost.
    thread_local std::vector<double> slot_cost, slot_units;
    slot_cost.assign(needs.size(), 0.0);
    slot_units.assign(needs.size(), 0.0);
    // Each delivery is drawn from the hidden reliability of the firms that made it (7.30): the supplier's,
    // and its dispatch receivers' for units they made for it (7.33). Late deliveries and defective lots
    // cost the buyer as they happen.
    const auto& ip = c.params.information;
    sim::Rng rng(w.seed, sim::Stream::Delivery, w.firms.id(i), static_cast<std::uint64_t>(w.tick));
    double tied_units = 0.0, defective_units = 0.0, deliveries = 0.0, incidents_n = 0.0;
    sim::TransactionCostParts parts;
    for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
      sim::Tie& tie = w.network[*e];
      if (!tie.is_supply()) continue;
      const auto s = static_cast<sim::FirmIndex>(boost::source(*e, w.network));
      draw_delivery(odds[s], ip.lots_per_delivery, rng, tie);
      const double delivered = sim::delivered_units(tie, odds[s].fill);  // odds[s].fill is f.fill[s]
      // Shared logistics (7.60): a pooled shipment pays the platform's fee on its value.
      const Shipping ship = tie_shipping(c, tie, i);
      const double rate = tie_paid_rate(c, tie, i) + ship.fee;
      const double value = delivered * f.price[s];
      const double bad = delivered * tie.bad_lots / static_cast<double>(ip.lots_per_delivery);
      const double redo = bad * f.price[s] * ip.rework_cost_share;
      const double lateness = tie.late ? value * tp.lead_time_cost_per_day * ip.late_days : 0.0;
      const double incidents = redo + lateness;
      const double handling = handling_cost_rate(tp, w.firm_distance(s, i)),
                   commission = commission_rate(c, tie);
      parts.handling += value * handling;
      parts.commission += value * commission;
      parts.inspection += value * (rate - handling - commission - ship.fee);
      parts.logistics_fee += value * ship.fee;
      parts.rework += redo;
      parts.lateness += lateness;
      tied_units += delivered;
      defective_units += bad;
      deliveries += tie.observed;
      incidents_n += tie.late + tie.bad_lots;
      bought += value;
      if (tie.input_slot < needs.size()) {
        slot_cost[tie.input_slot] += value * (1.0 + rate) + incidents;
        slot_units[tie.input_slot] += delivered;
      }
      cost += value * (1.0 + rate) + incidents;
      tc += value * rate + incidents;
      fees += value * (commission + ship.fee);
      lead += delivered * (tie_lead_days(c, tie, i, ship) + (tie.late ? ip.late_days : 0.0));
      if (platforms && tie.channel == sim::TieChannel::Platform && tie.platform < w.platforms.size()) {
        PlatformTrade t{static_cast<std::uint32_t>(k), tie.platform};
        t.value = value;
        t.commission = value * commission;
        // Shared logistics: the buyer pays the fee, the platform bears the handling (7.60).
        t.pooled = ship.pooled;
        if (ship.pooled) {
          t.logistics_fee = value * ship.fee;
          t.logistics_cost = value * c.params.services.logistics_cost;
        }
        // Units the supplier had made by dispatch are already in that dispatch's GMV: only its own share.
        const double shipped = f.fill[s] * f.orders[s];
        const double own = shipped > 0.0 ? 1.0 - f.dispatched_out[s] / shipped : 1.0;
        t.gmv = value * own;
        t.cross_platform = tie.cross_platform;
        t.integrated = tie.cross_platform || integrated_pair(c, s, i);
        trades.push_back(t);
      }
    }
    f.input_defect_share[i] = tied_units > 0.0 ? defective_units / tied_units : 0.0;
    // Subscribed shared apps shorten every order cycle, routine or incident (7.66). The hours without them
    // are kept: what a subscription is worth does not depend on the one that was applied.
    f.unaided_hours[i] = deliveries + ip.incident_hours * incidents_n;
    f.coordination_hours[i] = f.unaided_hours[i] * (1.0 - subscriber_saving(c, i));
    // Screening candidates in last month's searches (7.32).
    cost += f.search_cost[i].yuan;
    tc += f.search_cost[i].yuan;
    parts.search = f.search_cost[i].yuan;
    f.search_cost[i] = sim::Money{0.0};
    // Spot purchases (untied inputs and supplier shortfalls, rationed in realise_production) are
    // bought at the type's mean price, a premium, the information cost of an unknown or rated seller and
    // a delay.
    const SpotTerms spot = spot_terms(c, i);
    const double spot_days = spot_lead_days(c, i, spot);
    const double spot_value = f.spot_value[i].yuan;
    bought += spot_value;
    cost += spot_value * (1.0 + spot.paid);
    tc += spot_value * spot.paid;
    lead += f.spot_bought[i] * spot_days;
    const double spot_fee =
        spot.platform >= 0 ? charged_fee(c, w.platforms[static_cast<std::size_t>(spot.platform)]) : 0.0;
    fees += spot_value * spot_fee;
    parts.spot_premium = spot_value * tp.spot_premium;
    parts.marketplace_fee = spot_value * spot_fee;
    parts.spot_information = spot_value * (spot.paid - tp.spot_premium - spot_fee);
    f.marketplace_value[i] = sim::Money{spot.platform >= 0 ? spot_value : 0.0};
    // Overflow dispatched to idle members (7.20) is made by firms the sender has no tie with: anonymous
    // sourcing like a spot purchase (the spot premium), inspected as far as its platform's ratings leave
    // it unknown; the fee, paid with the transfer, is a transaction cost like a marketplace fee (7.33).
    if (const auto dp = c.services_of(i).dispatch_platform; dp >= 0 && f.transfer_out[i].yuan > 0.0) {
      const auto p = static_cast<std::size_t>(dp);
      const double fee = charged_fee(c, w.platforms[p]);
      const double sent = f.transfer_out[i].yuan / (1.0 + fee);
      parts.dispatch_premium = sent * tp.spot_premium;
      parts.dispatch_inspection = sent * member_information(c, p).inspection;
      parts.dispatch_fee = sent * fee;
      cost += parts.dispatch_premium + parts.dispatch_inspection;  // the fee is in transfer_out
      tc += parts.dispatch_premium + parts.dispatch_inspection + parts.dispatch_fee;
      fees += parts.dispatch_fee;  // booked as dispatch_fee (7.28), not as services
    }
    const double fixed = workforce_cost(c, i) + (f.on_cloud[i] ? cloud_cost(c, i) : 0.0) + app_fee(c, i) +
                         cross_border_fee(c, i) + in_plant_fee(c, i);
    const double rework = f.defect_rate[i] * (cost + fixed);
    const double base_unit = f.output[i] > 0.0 ? (cost + fixed) / f.output[i] : 0.0;
    // Scrapped units are cleared at the markdown; carried ones cost storage and capital each month.
    f.inventory_cost[i] = sim::Money{base_unit * (c.params.services.markdown_cost * f.scrapped[i] +
                                                  tp.holding_cost_per_month * f.finished_stock[i])};
    f.lead_time_days[i] = f.inputs_bought[i] > 0.0 ? lead / f.inputs_bought[i] : 0.0;
    f.input_cost[i] = sim::Money{cost};
    f.transaction_cost[i] = sim::Money{tc};
    sim::add_parts(sum, parts);
    // Sales to customers (ties and households) at the firm's price, including units others made for it
    // by dispatch; spot sales at the type's mean price; dispatch work paid by the senders.
    f.revenue[i] =
        sim::Money{f.price[i] * f.fill[i] * f.orders[i] + c.mean_price[c.type_key(i)] * f.spot_sold[i]} +
        f.transfer_in[i];
    f.total_cost[i] = sim::Money{cost + fixed + rework} + f.inventory_cost[i] + f.transfer_out[i];
    f.profit[i] = f.revenue[i] - f.total_cost[i];
    f.cash[i] += f.profit[i];
    f.loss_streak[i] = f.profit[i].yuan < 0.0 ? f.loss_streak[i] + 1 : 0;
    // Cost-plus on what a unit's inputs cost (landed, per slot), not on purchases per unit made: with
    // inputs short (Leontief) part of the purchases is carried in stock, and dividing all of them by
    // a small output would price the firm out of its market.
    if (f.output[i] > 0.0) {
      double unit = 0.0;
      for (std::size_t slot = 0; slot < needs.size(); ++slot) {
        const auto u = c.directory.type_key(needs[slot].industry, needs[slot].stage);
        const double spot_units = f.input_spot[i][slot];
        const double units = slot_units[slot] + spot_units;
        // Spot units cost the type's mean price, imported ones the import premium on top.
        const double served = c.spot_ratio[u], d = std::fmin(served, c.spot_domestic[u]);
        const double spot_price =
            c.mean_price[u] *
            (served > 0.0 ? (d + (served - d) * (1.0 + c.params.trade.import_premium)) / served : 1.0) *
            (1.0 + spot.paid);
        const double landed = units > 0.0 ? (slot_cost[slot] + spot_units * spot_price) / units : spot_price;
        unit += needs[slot].per_unit * landed;
      }
      f.input_unit_cost[i] = unit;
    }
    if (f.orders[i] > 0.0)
      f.reputation[i] += c.params.market.reputation_rate * (fill_rate(f, i) - f.reputation[i]);
    services[k] = tc - fees + rework + f.inventory_cost[i].yuan;
    purchases[k] = bought;
  };
  sim::parallel_chunks(n_chunks, c.threads, [&](std::size_t chunk, std::size_t) {
    for (std::size_t k = chunk_begin[chunk]; k < chunk_begin[chunk + 1]; ++k) {
      prefetch_ahead(c, alive, chunk_begin[chunk], k, TieReads::Settlement, odds.data());
      if (k + kPrefetchAhead < alive.size()) {
        const sim::FirmIndex j = alive[k + kPrefetchAhead];
        // Its spot units per slot, which the unit cost reads.
        if (const auto& spot = f.input_spot[j]; !spot.empty()) sim::prefetch(spot.data());
        // Its service access, which its spot terms read (the marketplace): a miss per firm otherwise.
        sim::prefetch(&c.services_of(j).marketplace_platform);
      }
      settle_firm(k, trades_of[chunk], c.transaction_cost_parts[chunk]);
    }
  });
  // The ledger and platform trade, summed serially in firm order so totals do not depend on threads.
  auto& L = c.ledger;
  using sim::FlowKind;
  using sim::Sector;
  for (std::size_t k = 0; k < alive.size(); ++k) {
    const sim::FirmIndex i = alive[k];
    const auto& r = w.regions[sim::idx(f.region[i])];
    // Final goods are bought by households and, under income_wealth consumption, partly by the rest of
    // the world with its import receipts (7.70); foreign buyers pay for the orders they placed (7.78).
    const double exported = f.price[i] * f.fill[i] * export_units(c, i);
    const double final_sales = f.price[i] * f.fill[i] * f.final_orders[i] - exported;
    L.pay(Sector::Households, Sector::Firms, FlowKind::FinalSales, final_sales * (1.0 - c.export_share));
    L.pay(Sector::RestOfWorld, Sector::Firms, FlowKind::Exports, final_sales * c.export_share + exported);
    L.pay(Sector::Firms, Sector::Households, FlowKind::Wages, r.labour_cost.yuan * f.employees[i]);
    L.pay(Sector::Firms, Sector::Households, FlowKind::Rent,
          r.land_cost.yuan * f.overhead_factor[i] * f.employees[i]);
    if (f.on_cloud[i]) L.pay(Sector::Firms, Sector::Households, FlowKind::Cloud, cloud_cost(c, i));
    L.pay(Sector::Firms, Sector::Households, FlowKind::Services, services[k]);
    L.pay(Sector::Firms, Sector::Firms, FlowKind::SpotPurchases, (f.spot_value[i] - f.import_value[i]).yuan);
    L.pay(Sector::Firms, Sector::Firms, FlowKind::Purchases, purchases[k] - f.spot_value[i].yuan);
    if (const double fee = app_fee(c, i); fee > 0.0) {
      L.pay(Sector::Firms, Sector::Platforms, FlowKind::AppSubscription, fee);
      w.platforms[static_cast<std::size_t>(f.app_platform[i])].revenue += sim::Money{fee};
    }
    if (const double fee = in_plant_fee(c, i); fee > 0.0) {
      L.pay(Sector::Firms, Sector::Platforms, FlowKind::InPlantService, fee);
      w.platforms[static_cast<std::size_t>(f.in_plant_platform[i])].revenue += sim::Money{fee};
    }
    if (const double fee = cross_border_fee(c, i); fee > 0.0) {
      L.pay(Sector::Firms, Sector::Platforms, FlowKind::CrossBorderFee, fee);
      w.platforms[static_cast<std::size_t>(c.cross_border_platform[i])].revenue += sim::Money{fee};
    }
  }
  if (!platforms) return;
  std::size_t next = 0, chunk = 0;
  for (std::size_t k = 0; k < alive.size(); ++k) {
    const sim::FirmIndex i = alive[k];
    // Firm k's trades are in its chunk, in order.
    while (k == chunk_begin[chunk + 1]) ++chunk, next = 0;
    if (const auto p = c.services_of(i).marketplace_platform; p >= 0 && f.marketplace_value[i].yuan > 0.0) {
      sim::Platform& pl = w.platforms[static_cast<std::size_t>(p)];
      const double value = f.marketplace_value[i].yuan;
      pl.revenue += sim::Money{value * charged_fee(c, pl)};
      L.pay(Sector::Firms, Sector::Platforms, FlowKind::MarketplaceFee, value * charged_fee(c, pl));
      pl.gmv += value;
      c.stats.platform_gmv += value;
    }
    // The fee goes to the platform that carries the tie (7.19).
    const auto& trades = trades_of[chunk];
    for (; next < trades.size() && trades[next].k == k; ++next) {
      const PlatformTrade& t = trades[next];
      sim::Platform& pl = w.platforms[t.platform];
      pl.revenue += sim::Money{t.commission};
      L.pay(Sector::Firms, Sector::Platforms, FlowKind::Commission, t.commission);
      if (t.pooled) {
        pl.revenue += sim::Money{t.logistics_fee};
        pl.logistics_cost += sim::Money{t.logistics_cost};
        pl.pooled_value += t.value;
        L.pay(Sector::Firms, Sector::Platforms, FlowKind::LogisticsFee, t.logistics_fee);
      }
      pl.gmv += t.gmv;
      c.stats.platform_gmv += t.gmv;
      if (t.cross_platform) {
        pl.cross_platform_gmv += t.gmv;
        c.stats.cross_platform_gmv += t.gmv;
      }
      if (t.integrated) {
        pl.integrated_gmv += t.gmv;  // 7.53: integration through the middle platform or shared membership
        c.stats.integrated_gmv += t.gmv;
      }
    }
  }
}

}  // namespace vicsim::agents
