#include "agents/supplier_beliefs.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "agents/in_plant_services.hpp"
#include "sim/distributions.hpp"
#include "sim/membership_filter.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/tie_delivery.hpp"

namespace vicsim::agents {

namespace {
double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double clamp_prob(double p) { return std::clamp(p, 1e-6, 1.0 - 1e-6); }

/** Target logits of firm f's reliability: the population means, improved by digital maturity. */
std::pair<double, double> target_logits(const InformationParams& p, double maturity) {
  return {logit(p.on_time_mean) + p.maturity_gain * maturity,
          logit(p.defect_mean) - p.maturity_gain * maturity};
}
}  // namespace

Belief prior_belief(double mean, double weight) { return {mean * weight, (1.0 - mean) * weight}; }

SupplierBelief prior_of(const InformationParams& p) {
  return {prior_belief(p.on_time_mean, p.prior_observations),
          prior_belief(p.defect_mean, p.prior_observations)};
}

void observe(Belief& b, double successes, double failures) {
  b.a += successes;
  b.b += failures;
}

void forget(Belief& b, const Belief& prior, double memory) {
  b.a = prior.a + memory * (b.a - prior.a);
  b.b = prior.b + memory * (b.b - prior.b);
}

double evidence(const InformationParams& p, const SupplierBelief& b) {
  return std::max(0.0, b.on_time.weight() - p.prior_observations);
}

InformationCost information_cost(const ModelParams& p, const SupplierBelief& b) {
  const auto& ip = p.information;
  InformationCost k;
  k.inspection = ip.inspection_cost * ip.evidence_half / (ip.evidence_half + evidence(ip, b));
  k.risk = ip.risk_aversion * (b.on_time.variance() + b.defect.variance());
  k.defects = b.defect.mean() * ip.rework_cost_share;
  k.lateness = (1.0 - b.on_time.mean()) * ip.late_days * p.trade.lead_time_cost_per_day;
  return k;
}

double screening_cost(const InformationParams& p, const SupplierBelief& b) {
  return p.screening_cost * p.evidence_half / (p.evidence_half + evidence(p, b));
}

double rating_weight(const ModelContext& c, std::size_t p) {
  if (p >= c.world.platforms.size()) return 0.0;
  const sim::Platform& pl = c.world.platforms[p];
  if (!pl.alive || !pl.services.matchmaking) return 0.0;
  return c.params.information.rating_visibility * std::clamp(pl.telemetry_delivered, 0.0, 1.0) /
         std::max(1.0, pl.congestion);
}

SupplierBelief with_rating(const ModelContext& c, SupplierBelief b, sim::FirmIndex s, std::size_t p) {
  const double w = rating_weight(c, p);
  if (w <= 0.0) return b;
  const sim::Firms& f = c.world.firms;
  const sim::DeliveryRecord& r = f.record[s];
  observe(b.on_time, w * r.on_time, w * r.late);
  observe(b.defect, w * r.bad_lots, w * r.good_lots);
  return b;
}

SupplierBelief stored_belief(const sim::Tie& t) {
  return {{t.on_time_a, t.on_time_b}, {t.defect_a, t.defect_b}};
}

double trust_of(const InformationParams& p, const SupplierBelief& b) {
  const double e = evidence(p, b);
  return b.on_time.mean() * (1.0 - b.defect.mean()) * e / (e + p.evidence_half);
}

double established_trust(const InformationParams& p, double deliveries) {
  SupplierBelief b = prior_of(p);
  const double lots = deliveries * p.lots_per_delivery;
  observe(b.on_time, deliveries * p.on_time_mean, deliveries * (1.0 - p.on_time_mean));
  observe(b.defect, lots * p.defect_mean, lots * (1.0 - p.defect_mean));
  return trust_of(p, b);
}

double steady_tie_trust(const InformationParams& p) {
  if (p.belief_memory >= 1.0) return p.on_time_mean * (1.0 - p.defect_mean);
  return established_trust(p, 1.0 / (1.0 - p.belief_memory));
}

void store_belief(const InformationParams& p, sim::Tie& t, const SupplierBelief& b) {
  t.on_time_a = b.on_time.a;
  t.on_time_b = b.on_time.b;
  t.defect_a = b.defect.a;
  t.defect_b = b.defect.b;
  t.trust = trust_of(p, b);
}

SupplierBelief referral_belief(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b) {
  SupplierBelief r;
  referral_beliefs(c, std::span<const sim::FirmIndex>(&s, 1), b, std::span<SupplierBelief>(&r, 1));
  return r;
}

void referral_beliefs(const ModelContext& c, std::span<const sim::FirmIndex> suppliers, sim::FirmIndex b,
                      std::span<SupplierBelief> out) {
  const auto& ip = c.params.information;
  const SupplierBelief prior = prior_of(ip);
  std::fill(out.begin(), out.end(), prior);
  if (suppliers.empty()) return;
  const auto& g = c.world.network;
  const double w = ip.referral_weight;
  auto tell = [&](SupplierBelief& r, const sim::Tie& tie) {
    const SupplierBelief heard = stored_belief(tie);
    observe(r.on_time, w * (heard.on_time.a - prior.on_time.a), w * (heard.on_time.b - prior.on_time.b));
    observe(r.defect, w * (heard.defect.a - prior.defect.a), w * (heard.defect.b - prior.defect.b));
  };
  // b's distinct partners in the order they tell: by their first tie with b, out-ties before in-ties, each in
  // formation order; a partner on two ties with b tells once. Each tells what its first *supply* tie s → p
  // holds (s's out-ties keep ties s → p in the order they were added); a collaboration tie from s says
  // nothing about s's deliveries and does not silence the supply tie.
  const std::size_t n_partners = boost::out_degree(b, g) + boost::in_degree(b, g);
  if (n_partners == 0) return;
  // The suppliers sit at scattered indices: all their out-arc headers start loading now and their lists once
  // b's partners are sorted, when the headers have arrived (a few firms: a buyer's suppliers or a search's
  // candidates), so the loop over them finds both in cache.
  for (const auto s : suppliers) sim::prefetch_arc_header(g, s, true);
  // (partner, position of its first tie with b), one entry per distinct partner, sorted by partner.
  thread_local std::vector<std::pair<sim::FirmIndex, std::uint32_t>> by_partner;
  by_partner.clear();
  {
    std::uint32_t pos = 0;
    for (const auto& a : g.out_arcs(b)) by_partner.emplace_back(a.partner, pos++);
    for (const auto& a : g.in_arcs(b)) by_partner.emplace_back(a.partner, pos++);
    std::sort(by_partner.begin(), by_partner.end());  // a partner's first position comes first
    by_partner.erase(std::unique(by_partner.begin(), by_partner.end(),
                                 [](const auto& x, const auto& y) { return x.first == y.first; }),
                     by_partner.end());
  }
  for (const auto s : suppliers) sim::prefetch_arc_list(g, s, true);
  // A supplier with few customers reads its own out-ties against b's partners; the others are found by
  // reading each partner's in-ties (few: its input slots) once for all of them. A hub buyer has partners in
  // proportion to the network's size, most candidates only a few customers.
  thread_local std::vector<std::uint8_t> walk;
  walk.assign(suppliers.size(), 0);
  bool any_walk = false;
  thread_local sim::MembershipFilter is_partner;  // most of a supplier's customers are not b's partners
  bool filter_built = false;
  for (std::size_t k = 0; k < suppliers.size(); ++k) {
    if (boost::out_degree(suppliers[k], g) > 4 * n_partners) {
      walk[k] = 1;
      any_walk = true;
      continue;
    }
    if (!filter_built) {
      is_partner.reset(by_partner.size());
      for (const auto& entry : by_partner) is_partner.add(entry.first);
      filter_built = true;
    }
    const sim::FirmIndex s = suppliers[k];
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> told;  // (position, tie)
    thread_local std::vector<sim::FirmIndex> met;
    told.clear();
    met.clear();
    for (const auto& a : g.out_arcs(s)) {
      const auto p = static_cast<sim::FirmIndex>(a.partner);
      if (p == s || !is_partner.may_hold(p)) continue;
      const auto lo = std::lower_bound(by_partner.begin(), by_partner.end(), std::make_pair(p, 0u));
      if (lo == by_partner.end() || lo->first != p) continue;
      if (!a.is_supply()) continue;
      if (std::find(met.begin(), met.end(), p) != met.end()) continue;  // only the first supply tie speaks
      met.push_back(p);
      told.emplace_back(lo->second, a.tie);
    }
    std::sort(told.begin(), told.end());
    for (const auto& [pos, tie] : told) tell(out[k], g[sim::TieEdge{s, 0, tie}]);
  }
  if (!any_walk) return;
  // Walked suppliers: each partner, in telling order, reads its in-ties once; the first supply tie from a
  // walked supplier speaks.
  thread_local std::vector<std::pair<std::uint32_t, sim::FirmIndex>> in_order;  // (position, partner)
  in_order.clear();
  for (const auto& [partner, pos] : by_partner) {
    in_order.emplace_back(pos, partner);
    sim::prefetch_arc_header(g, partner, false);  // the list is started two partners ahead below
  }
  std::sort(in_order.begin(), in_order.end());
  thread_local std::vector<std::uint32_t> visited;  // the partner visit at which a supplier last spoke
  visited.assign(suppliers.size(), 0);
  std::uint32_t visit = 0;
  for (std::size_t m = 0; m < in_order.size(); ++m) {
    const sim::FirmIndex partner = in_order[m].second;
    if (m + 2 < in_order.size()) sim::prefetch_arc_list(g, in_order[m + 2].second, false);
    ++visit;
    for (const auto& a : g.in_arcs(partner)) {
      const auto s = static_cast<sim::FirmIndex>(a.partner);
      if (s == partner) continue;
      const auto it = std::lower_bound(suppliers.begin(), suppliers.end(), s);
      if (it == suppliers.end() || *it != s) continue;
      const auto k = static_cast<std::size_t>(it - suppliers.begin());
      if (!walk[k] || visited[k] == visit || !a.is_supply()) continue;
      visited[k] = visit;
      tell(out[k], g[sim::TieEdge{s, partner, a.tie}]);
    }
  }
}

SupplierBelief tie_belief(const ModelContext& c, const sim::Tie& t) {
  const SupplierBelief own = stored_belief(t);
  if (t.channel != sim::TieChannel::Platform) return own;
  return with_rating(c, own, t.supplier, t.platform);
}

void init_reliability(ModelContext& c, sim::FirmIndex f) {
  const auto& ip = c.params.information;
  // Its own key (agent bit 40 set) so it never shares draws with the monthly drift.
  sim::Rng rng(c.world.seed, sim::Stream::Reliability, c.world.firms.id(f) | (1ull << 40), 0);
  const auto [ot, df] = target_logits(ip, c.world.firms.digital_maturity[f]);
  c.world.firms.on_time_prob[f] = clamp_prob(logistic(ot + ip.reliability_sd * sim::normal(rng, 0.0, 1.0)));
  c.world.firms.defect_rate[f] = clamp_prob(logistic(df + ip.reliability_sd * sim::normal(rng, 0.0, 1.0)));
}

void drift_reliability(ModelContext& c) {
  const auto& ip = c.params.information;
  sim::Firms& f = c.world.firms;
  const double phi = ip.reliability_persistence;
  const double shock = ip.reliability_sd * std::sqrt(1.0 - phi * phi);  // keeps the stationary sd
  const auto& alive = c.directory.alive();
  // Each firm draws from its own counter RNG and writes only its own slots: parallel, any thread count.
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    sim::Rng rng(c.world.seed, sim::Stream::Reliability, c.world.firms.id(i),
                 static_cast<std::uint64_t>(c.world.tick));
    const auto [ot, maturity_df] = target_logits(ip, f.digital_maturity[i]);
    const double df = maturity_df - defect_logit_cut(c, i);  // in-plant services (7.102)
    const double x =
        (1.0 - phi) * ot + phi * logit(clamp_prob(f.on_time_prob[i])) + shock * sim::normal(rng, 0.0, 1.0);
    const double y =
        (1.0 - phi) * df + phi * logit(clamp_prob(f.defect_rate[i])) + shock * sim::normal(rng, 0.0, 1.0);
    f.on_time_prob[i] = clamp_prob(logistic(x));
    f.defect_rate[i] = clamp_prob(logistic(y));
  });
}

MakerReliability delivery_reliability(const ModelContext& c, sim::FirmIndex s) {
  const sim::Firms& f = c.world.firms;
  MakerReliability own{f.on_time_prob[s], f.defect_rate[s]};
  const double out = f.dispatched_out[s], delivered = f.fill[s] * f.orders[s];
  if (out <= 0.0 || delivered <= 0.0 || s >= c.dispatched_defect.size()) return own;
  // Dispatched units are made by the receivers (7.20): a lot of them is as reliable as its maker.
  const double share = std::fmin(1.0, out / delivered);
  return {(1.0 - share) * own.on_time + share * c.dispatched_on_time[s] / out,
          (1.0 - share) * own.defect + share * c.dispatched_defect[s] / out};
}

DeliveryOdds delivery_odds(const ModelContext& c, sim::FirmIndex s) {
  return {delivery_reliability(c, s), c.world.firms.fill[s]};
}

void draw_delivery(const ModelContext& c, sim::Rng& rng, sim::Tie& t) {
  draw_delivery(delivery_odds(c, t.supplier), c.params.information.lots_per_delivery, rng, t);
}

void draw_delivery(const DeliveryOdds& odds, std::uint32_t lots_per_delivery, sim::Rng& rng, sim::Tie& t) {
  t.observed = sim::delivered_units(t, odds.fill) > 0.0;
  t.late = 0;
  t.bad_lots = 0;
  if (!t.observed) return;
  // A supplier short of output also ships late: the on-time chance scales with its fill rate.
  t.late = !sim::bernoulli(rng, odds.made.on_time * odds.fill);
  for (std::uint32_t k = 0; k < lots_per_delivery; ++k)
    if (sim::bernoulli(rng, odds.made.defect)) ++t.bad_lots;
}

void learn_from_deliveries(ModelContext& c) { learn_from_deliveries(c, nullptr); }

void learn_from_deliveries(ModelContext& c,
                           const std::function<void(std::size_t chunk, sim::FirmIndex i)>& after_buyer) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& ip = c.params.information;
  const SupplierBelief prior = prior_of(ip);
  const double lots = ip.lots_per_delivery;
  for (auto i : c.directory.alive()) {
    sim::DeliveryRecord& r = f.record[i];
    r.on_time *= ip.belief_memory;
    r.late *= ip.belief_memory;
    r.good_lots *= ip.belief_memory;
    r.bad_lots *= ip.belief_memory;
  }
  // Coordination hours of the offline norm per delivery: an order cycle plus the incidents an average
  // supplier causes (7.34).
  const double norm_per_delivery =
      1.0 + ip.incident_hours * ((1.0 - ip.on_time_mean) + lots * ip.defect_mean);
  // Each buyer updates the beliefs on its own in-ties in parallel and lists its observed deliveries per
  // chunk; the suppliers' records then gather them in chunk and customer order (many customers add to one
  // supplier), the additions of a sequential loop.
  const auto& alive = c.directory.alive();
  constexpr std::size_t kChunk = kLearnChunk;
  constexpr std::size_t kLearnAhead = 3;          // buyers ahead whose tie records are prefetched
  auto& seen = c.month_work.observed_deliveries;  // each chunk's list keeps its buffer from last month
  seen.resize(sim::chunk_count(alive.size(), kChunk));
  for (auto& list : seen) list.clear();
  sim::parallel_chunks(seen.size(), c.threads, [&](std::size_t chunk, std::size_t) {
    for (std::size_t k = chunk * kChunk; k < std::min(alive.size(), (chunk + 1) * kChunk); ++k) {
      const sim::FirmIndex i = alive[k];
      double deliveries = 0.0;
      sim::prefetch_ties(w.network, i);  // the buyer's tie records load together, not one miss per tie
      sim::prefetch_in_ties_ahead(w.network, alive, k, kLearnAhead);  // and have mostly arrived by then
      for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
        sim::Tie& t = w.network[*e];
        if (!t.is_supply()) continue;
        deliveries += t.observed;
        SupplierBelief b = stored_belief(t);
        forget(b.on_time, prior.on_time, ip.belief_memory);
        forget(b.defect, prior.defect, ip.belief_memory);
        if (t.observed) {
          const double late = t.late, bad = t.bad_lots;
          observe(b.on_time, 1.0 - late, late);
          observe(b.defect, bad, lots - bad);
          seen[chunk].push_back({t.supplier, t.late, t.bad_lots});
          t.observed = 0;
        }
        store_belief(ip, t, b);
      }
      // Management overhead follows the coordination hours measured this month against the offline norm
      // for the same deliveries, smoothed like the evidence.
      // In-plant services cut the shop-floor record hours of the other part (7.102).
      const double rest = (1.0 - ip.coordination_share) * shop_floor_factor(c, i);
      const double norm = deliveries * norm_per_delivery;
      const double target =
          rest + ip.coordination_share * (deliveries > 0.0 ? f.coordination_hours[i] / norm : 1.0);
      f.overhead_factor[i] = ip.belief_memory * f.overhead_factor[i] + (1.0 - ip.belief_memory) * target;
      // The same ratio without the apps' saving, smoothed alike: what the app subscription values (7.66).
      const double unaided = deliveries > 0.0 ? f.unaided_hours[i] / norm : 1.0;
      f.unaided_coordination[i] =
          ip.belief_memory * f.unaided_coordination[i] + (1.0 - ip.belief_memory) * unaided;
      if (after_buyer) after_buyer(chunk, i);
    }
  });
  for (const auto& list : seen)
    for (const auto& d : list) {
      sim::DeliveryRecord& r = f.record[d.supplier];
      const double late = d.late, bad = d.bad_lots;
      r.on_time += 1.0 - late;
      r.late += late;
      r.good_lots += lots - bad;
      r.bad_lots += bad;
    }
  double sum[4] = {0.0, 0.0, 0.0, 0.0};
  for (auto i : c.alive_members) {
    const sim::DeliveryRecord& r = f.record[i];
    sum[0] += r.on_time;
    sum[1] += r.late;
    sum[2] += r.good_lots;
    sum[3] += r.bad_lots;
  }
  const double n = static_cast<double>(c.alive_members.size());
  for (int k = 0; k < 4; ++k) c.member_record[k] = n > 0.0 ? sum[k] / n : 0.0;
}

}  // namespace vicsim::agents
