#include "agents/platform_services.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "agents/in_plant_services.hpp"
#include "agents/infrastructure_feedback.hpp"
#include "agents/order_handling.hpp"
#include "agents/platform_hierarchy.hpp"
#include "agents/shipment_consolidation.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/transaction_cost.hpp"
#include "sim/parallel_for.hpp"
#include "sim/refill.hpp"

namespace vicsim::agents {

namespace {
/** Services a member of platform p uses through p's place in the hierarchy (7.51) and through the 1+N middle
 * platform's knowledge sharing (7.52); `avail` is p's own availability. */
void inherit_services(const ModelContext& c, std::size_t p, double avail, ServiceAccess& a) {
  const auto& ps = c.world.platforms;
  const sim::Platform& pl = ps[p];
  if (c.params.hierarchy.enabled && pl.parent >= 0 && ps[static_cast<std::size_t>(pl.parent)].alive) {
    const sim::Platform& up = ps[static_cast<std::size_t>(pl.parent)];
    const double up_avail = std::min(avail, up.availability());
    // The surface lends data-driven credit to its lines' members, as far as its data reaches.
    if (pl.level == sim::PlatformLevel::Industry && up.level == sim::PlatformLevel::Regional &&
        up.services.finance)
      a.finance = std::max(a.finance, up_avail * surface_data_factor(c, up));
    // The line's vertical apps serve the points below it, as far as its app stock goes.
    if (pl.level == sim::PlatformLevel::Enterprise && up.level == sim::PlatformLevel::Industry &&
        up.services.knowledge)
      a.knowledge = std::max(a.knowledge, up_avail * line_app_factor(c, up));
  }
  if (c.params.interconnection.share_knowledge && ((c.connected >> p) & 1u))
    for (std::size_t q = 0; q < ps.size(); ++q)
      if (q != p && ((c.connected >> q) & 1u) && ps[q].alive && ps[q].services.knowledge)
        a.knowledge = std::max(a.knowledge, std::min(avail, ps[q].availability()));
}
}  // namespace

ServiceAccess service_access(const ModelContext& c, sim::FirmIndex f) {
  return membership_services(c, c.world.firms.platforms[f]);
}

ServiceAccess membership_services(const ModelContext& c, std::uint32_t memberships) {
  ServiceAccess a;
  std::uint32_t m = memberships;
  for (std::size_t p = 0; m; ++p, m >>= 1) {
    if (!(m & 1u)) continue;
    const sim::Platform& pl = c.world.platforms[p];
    if (!pl.alive) continue;
    const double avail = pl.availability();
    const auto& s = pl.services;
    if (s.matchmaking && avail > a.matchmaking) {
      a.matchmaking = avail;
      a.marketplace_platform = static_cast<std::int32_t>(p);
    }
    if (s.dispatch && avail > a.dispatch) {
      a.dispatch = avail;
      a.dispatch_platform = static_cast<std::int32_t>(p);
    }
    if (s.forecasting) a.forecasting = std::max(a.forecasting, avail);
    if (s.knowledge) a.knowledge = std::max(a.knowledge, avail);
    if (s.finance) a.finance = std::max(a.finance, avail);
    if (s.logistics) a.logistics = std::max(a.logistics, avail);
    inherit_services(c, p, avail, a);
  }
  return a;
}

void refresh_service_access(ModelContext& c) {
  // A firm's services depend only on which platforms it belongs to: one table entry per membership set
  // present, 4 bytes per firm slot instead of a 56-byte record.
  c.access_table.assign(1, ServiceAccess{});
  sim::refill(c.access_index, c.world.firms.size(), std::uint32_t{0});
  if (c.world.platforms.empty()) return;
  std::unordered_map<std::uint32_t, std::uint32_t> entry_of;
  std::uint32_t last_set = 0, last_entry = 0;  // neighbours often share a set: skip the lookup
  for (auto i : c.directory.alive()) {
    const std::uint32_t set = c.world.firms.platforms[i];
    if (!set) continue;
    if (set != last_set) {
      const auto [it, added] = entry_of.try_emplace(set, static_cast<std::uint32_t>(c.access_table.size()));
      if (added) c.access_table.push_back(membership_services(c, set));
      last_set = set;
      last_entry = it->second;
    }
    c.access_index[i] = last_entry;
  }
}

namespace {
/** A new tie from supplier s on terms t whose buyer has heard `heard` about s (new_tie without the
 * referral walk). */
sim::Tie make_tie(const ModelContext& c, sim::FirmIndex s, const TieTerms& t, const SupplierBelief& heard) {
  sim::Tie tie;
  tie.supplier = s;
  store_belief(c.params.information, tie, heard);
  tie.channel = t.channel;
  tie.platform = t.platform;
  tie.cross_platform = t.cross_platform;
  tie.brokered = t.channel == sim::TieChannel::Platform;  // formed on a platform: it pays the commission
  return tie;
}

/** tie_terms, with b's referral belief about s computed into `heard` only if a live platform is a
 * candidate (it is a walk over b's partners), so that callers needing it again reuse it. */
template <class Hear>
TieTerms terms_hearing(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b,
                       std::optional<SupplierBelief>& heard, Hear&& hear) {
  const sim::Firms& f = c.world.firms;
  TieTerms t;
  // Platforms the pair can trade on: those both use, else the buyer's platforms that reach one of the
  // supplier's through 1+N interconnection.
  std::uint32_t candidates = f.platforms[s] & f.platforms[b];
  const bool cross = !candidates && f.platforms[s];
  if (cross)
    for (std::size_t k = 0; k < c.world.platforms.size(); ++k)
      if (((f.platforms[b] >> k) & 1u) && (c.reach[k] & f.platforms[s])) candidates |= 1u << k;
  std::uint32_t live = 0;
  for (std::size_t k = 0; candidates >> k; ++k)
    if (((candidates >> k) & 1u) && c.world.platforms[k].alive) live |= 1u << k;
  if (!live) return t;
  t.channel = sim::TieChannel::Platform;
  t.cross_platform = cross;
  // A single live candidate gets the trade whatever its landed cost: neither that cost nor the referral
  // belief it reads (a walk over b's partners) is computed.
  if (!(live & (live - 1))) {  // not std::has_single_bit: without -mpopcnt it is a libgcc call
    t.platform = static_cast<std::uint8_t>(std::countr_zero(live));
    return t;
  }
  // Platforms compete for the pair's trade: it goes to the one with the lowest landed cost of a new tie
  // (commission, what its ratings reveal, lead time), the lowest index on ties.
  std::optional<sim::Tie> probe;
  double best = 0.0;
  bool first = true;
  for (std::size_t k = 0; live >> k; ++k) {
    if (!((live >> k) & 1u)) continue;
    if (!heard) heard = hear();
    if (!probe) probe = make_tie(c, s, TieTerms{sim::TieChannel::Platform, 0, cross}, *heard);
    probe->platform = static_cast<std::uint8_t>(k);
    const double lc = landed_cost_on(c, *probe, b, 1.0);
    if (!first && lc >= best) continue;
    first = false;
    best = lc;
    t.platform = probe->platform;
  }
  return t;
}

TieTerms terms_hearing(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b,
                       std::optional<SupplierBelief>& heard) {
  return terms_hearing(c, s, b, heard, [&] { return referral_belief(c, s, b); });
}
}  // namespace

TieTerms tie_terms(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b) {
  std::optional<SupplierBelief> heard;
  return terms_hearing(c, s, b, heard);
}

namespace {
/** The tie with platform terms t: partners keep what they know of each other and gain the platform's
 * ratings (tie_belief). */
sim::Tie on_platform(sim::Tie tie, const TieTerms& t) {
  tie.channel = t.channel;
  tie.platform = t.platform;
  tie.cross_platform = t.cross_platform;
  return tie;
}

/** Writes only the channel fields of `chosen` into `tie`: other threads may read the tie's beliefs. */
void assign_channel(sim::Tie& tie, const sim::Tie& chosen) {
  tie.channel = chosen.channel;
  tie.platform = chosen.platform;
  tie.cross_platform = chosen.cross_platform;
}

sim::Tie offline(sim::Tie tie) {
  tie.channel = sim::TieChannel::Offline;
  tie.platform = 0xFF;
  tie.cross_platform = false;
  return tie;
}

/** True if the partners trade on the platform: the chain trades where its platform is (source text 1)
 * unless offline is cheaper by more than the switching margin. Landed cost is per yuan of price, which
 * cancels out of the comparison. */
bool stays_on_platform(const ModelContext& c, const sim::Tie& on, const sim::Tie& off, sim::FirmIndex b) {
  return landed_cost_on(c, off, b, 1.0) >=
         (1.0 - c.params.trade.switch_margin) * landed_cost_on(c, on, b, 1.0);
}
}  // namespace

sim::Tie new_tie(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b, const TieTerms& t) {
  return make_tie(c, s, t, referral_belief(c, s, b));
}

namespace {
/** supply_tie_terms, reusing (and filling) the referral belief like terms_hearing. */
TieTerms supply_terms_hearing(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b,
                              std::optional<SupplierBelief>& heard) {
  const TieTerms t = terms_hearing(c, s, b, heard);
  if (t.channel != sim::TieChannel::Platform) return t;
  if (!heard) heard = referral_belief(c, s, b);  // terms_hearing skips it for a single candidate
  const TieTerms off{sim::TieChannel::Offline, 0xFF, false};
  return stays_on_platform(c, make_tie(c, s, t, *heard), make_tie(c, s, off, *heard), b) ? t : off;
}
}  // namespace

TieTerms supply_tie_terms(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b) {
  std::optional<SupplierBelief> heard;
  return supply_terms_hearing(c, s, b, heard);
}

sim::Tie new_supply_tie(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b) {
  std::optional<SupplierBelief> heard;
  const TieTerms t = supply_terms_hearing(c, s, b, heard);
  if (!heard) heard = referral_belief(c, s, b);
  return make_tie(c, s, t, *heard);
}

sim::Tie new_supply_tie(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b,
                        const SupplierBelief& heard) {
  std::optional<SupplierBelief> known = heard;
  return make_tie(c, s, supply_terms_hearing(c, s, b, known), heard);
}

void move_ties_offline(ModelContext& c, std::size_t p) {
  auto& g = c.world.network;
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v)
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
      sim::Tie& tie = g[*e];
      if (tie.channel == sim::TieChannel::Platform && tie.platform == p) assign_channel(tie, offline(tie));
    }
}

void choose_tie_channels(ModelContext& c) {
  auto& g = c.world.network;
  const auto& f = c.world.firms;
  if (c.world.platforms.empty()) return;
  // Each tie's channel depends only on its partners, the platforms and the beliefs stored on ties (which
  // this phase does not write), so the ties are visited in parallel; the result does not depend on the order.
  // They are visited by buyer: the referral beliefs a buyer holds about all its suppliers then come from one
  // walk of its partners (referral_beliefs), made when the first tie needs one, not one walk per tie.
  sim::parallel_for(boost::num_vertices(g), c.threads, [&](std::size_t v) {
    const auto b = static_cast<sim::FirmIndex>(v);
    if (!f.alive[b]) return;
    thread_local std::vector<sim::FirmIndex> suppliers;
    thread_local std::vector<SupplierBelief> heard_of;
    suppliers.clear();
    auto hear = [&](sim::FirmIndex s) {
      if (suppliers.empty()) {
        for (auto [e, end] = boost::in_edges(b, g); e != end; ++e)
          suppliers.push_back(static_cast<sim::FirmIndex>(boost::source(*e, g)));
        std::sort(suppliers.begin(), suppliers.end());
        suppliers.erase(std::unique(suppliers.begin(), suppliers.end()), suppliers.end());
        heard_of.resize(suppliers.size());
        referral_beliefs(c, suppliers, b, heard_of);
      }
      return heard_of[static_cast<std::size_t>(std::lower_bound(suppliers.begin(), suppliers.end(), s) -
                                               suppliers.begin())];
    };
    for (auto [e, end] = boost::in_edges(b, g); e != end; ++e) {
      sim::Tie& tie = g[*e];
      const auto s = static_cast<sim::FirmIndex>(boost::source(*e, g));
      if (!f.alive[s]) continue;
      std::optional<SupplierBelief> heard;
      const TieTerms t = terms_hearing(c, s, b, heard, [&] { return hear(s); });
      sim::Tie chosen = tie;
      if (!tie.is_supply()) {
        // Source text 1: the platform pulls the chain onto the cloud and connects its data.
        if (tie.channel != sim::TieChannel::Platform && t.channel == sim::TieChannel::Platform)
          chosen = on_platform(tie, t);
      } else if (t.channel != sim::TieChannel::Platform) {
        chosen = offline(tie);
      } else {
        const sim::Tie on = on_platform(tie, t), off = offline(tie);
        chosen = stays_on_platform(c, on, off, b) ? on : off;
      }
      assign_channel(tie, chosen);  // other threads read this tie's beliefs (referral_belief)
    }
  });
}

namespace {
/** tie_cost_rate from the tie's belief `belief` (tie_belief(c, t)). */
double cost_rate(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b, const SupplierBelief& belief) {
  return handling_cost_rate(c.params.trade, c.world.firm_distance(t.supplier, b)) +
         information_cost(c.params, belief).expected() + commission_rate(c, t);
}
}  // namespace

double tie_cost_rate(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b) {
  return cost_rate(c, t, b, tie_belief(c, t));
}

double tie_paid_rate(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b) {
  return handling_cost_rate(c.params.trade, c.world.firm_distance(t.supplier, b)) +
         information_cost(c.params, tie_belief(c, t)).inspection + commission_rate(c, t);
}

double charged_fee(const ModelContext& c, const sim::Platform& pl) {
  // A platform that failed (or has not launched) collects nothing, so no payment goes to a platform whose
  // books are closed (its ties go offline when it fails, move_ties_offline; this guards any caller that
  // prices a tie on it).
  if (!pl.alive) return 0.0;
  return std::min(pl.transaction_fee, c.fee_cap);
}

double commission_rate(const ModelContext& c, const sim::Tie& t) {
  if (!t.brokered || t.channel != sim::TieChannel::Platform || t.platform >= c.world.platforms.size())
    return 0.0;
  return charged_fee(c, c.world.platforms[t.platform]);
}

namespace {
/** Lead time of tie t to buyer b when it ships with a consolidation wait of `wait_days` (7.60). Order
 * handling is one mechanism on both channels (7.83): approval, and messaging rounds whose number follows
 * from the buyer's belief and whose messages travel by e-mail or through the platform. Transport is as
 * offline: a platform shortens the wait for a load only through the flow it pools (7.60). */
double lead_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b, double wait_days,
                 const SupplierBelief& belief) {
  // The supplier's own production days shrink only through in-plant services it paid for (7.102).
  return lead_time_days(c.params.trade, c.world.firm_distance(t.supplier, b)) -
         production_days_saved(c, t.supplier) + wait_days + tie_handling_days(c, t, b, belief);
}
}  // namespace

double tie_lead_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b) {
  return tie_lead_days(c, t, b, tie_shipping(c, t, b));
}

double tie_lead_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b, const Shipping& ship) {
  return lead_days(c, t, b, ship.wait_days, tie_belief(c, t));
}

SpotTerms spot_terms(const ModelContext& c, sim::FirmIndex b) {
  // The anonymous spot market: the buyer knows no more than the population prior about the seller.
  const SupplierBelief prior = prior_of(c.params.information);
  const InformationCost anonymous = information_cost(c.params, prior);
  const double premium = c.params.trade.spot_premium;
  const SpotTerms offline{premium + anonymous.expected(), premium + anonymous.expected() - anonymous.risk,
                          -1};
  const ServiceAccess& a = c.services_of(b);
  if (a.marketplace_platform < 0) return offline;
  // On a marketplace the seller's rating adds its record (an average member's) to the prior (Bakos 1997:
  // electronic marketplaces lower buyers' search and information cost); the fee is due on top.
  const auto p = static_cast<std::size_t>(a.marketplace_platform);
  const InformationCost k = member_information(c, p);
  const double fee = charged_fee(c, c.world.platforms[p]);
  const SpotTerms on{premium + k.expected() + fee, premium + k.expected() - k.risk + fee,
                     a.marketplace_platform};
  return on.rate < offline.rate ? on : offline;
}

SupplierBelief member_belief(const ModelContext& c, std::size_t p) {
  const double w = rating_weight(c, p);
  SupplierBelief rated = prior_of(c.params.information);
  observe(rated.on_time, w * c.member_record[0], w * c.member_record[1]);
  observe(rated.defect, w * c.member_record[3], w * c.member_record[2]);
  return rated;
}

InformationCost member_information(const ModelContext& c, std::size_t p) {
  return information_cost(c.params, member_belief(c, p));
}

double spot_lead_days(const ModelContext& c, sim::FirmIndex b, const SpotTerms& spot) {
  const auto& tp = c.params.trade;
  const SupplierBelief seller = spot.platform >= 0 ? member_belief(c, static_cast<std::size_t>(spot.platform))
                                                   : prior_of(c.params.information);
  return tp.production_days + tp.spot_extra_days + spot_handling_days(c, b, seller, spot.platform);
}

double landed_cost_on(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b, double price) {
  const Shipping ship = tie_shipping(c, t, b);
  const SupplierBelief belief = tie_belief(c, t);  // the cost rate and the order rounds both read it
  return price * (1.0 + cost_rate(c, t, b, belief) + ship.fee +
                  c.params.trade.lead_time_cost_per_day * lead_days(c, t, b, ship.wait_days, belief));
}

}  // namespace vicsim::agents
