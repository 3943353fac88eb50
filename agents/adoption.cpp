#include "agents/adoption.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "agents/in_plant_services.hpp"
#include "agents/infrastructure_feedback.hpp"
#include "agents/platform_services.hpp"
#include "agents/policies.hpp"
#include "agents/supplier_beliefs.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/refill.hpp"

namespace vicsim::agents {

double adoption_readiness(const ModelContext& c, sim::FirmIndex f) {
  const auto& ap = c.params.adoption;
  const sim::Firms& fs = c.world.firms;
  const double infra = c.world.regions[sim::idx(fs.region[f])].infrastructure;
  const double q_infra = ap.infrastructure_floor + (1.0 - ap.infrastructure_floor) * infra;
  const double size = std::min(1.0, std::pow(fs.employees[f] / ap.size_reference, ap.size_elasticity));
  // Vouchers are set per firm at the start of the month (begin_policies): a firm that entered since has none.
  const double voucher = f < c.voucher_share.size() ? c.voucher_share[f] : 0.0;
  const double cost = (ap.cloud_cost_fixed + ap.cloud_cost_per_employee * fs.employees[f]) * (1.0 - voucher);
  const double va = std::max(1.0, fs.revenue[f].yuan - fs.input_cost[f].yuan);
  return q_infra * size * std::exp(-ap.cost_sensitivity * cost / va);
}

double adopted_partner_share(const ModelContext& c, sim::FirmIndex f) {
  const auto& g = c.world.network;
  const auto& fs = c.world.firms;
  double n = 0, a = 0;
  for (auto [e, end] = boost::in_edges(f, g); e != end; ++e) {
    n += 1;
    a += fs.on_cloud[boost::source(*e, g)];
  }
  for (auto [e, end] = boost::out_edges(f, g); e != end; ++e) {
    n += 1;
    a += fs.on_cloud[boost::target(*e, g)];
  }
  return n > 0 ? a / n : 0.0;
}

namespace {
/** The Bass hazard given f's adopted partner share `partners` (cloud_hazard). */
double hazard_with(const ModelContext& c, sim::FirmIndex f, double partners, double peer_share) {
  const auto& ap = c.params.adoption;
  const double a = ap.partner_weight * partners + (1.0 - ap.partner_weight) * peer_share;
  // Bass coefficients are per year; one tick is a month.
  const double rate = (ap.bass_p + ap.bass_q * a) / 12.0 * adoption_readiness(c, f);
  return 1.0 - std::exp(-rate);
}
}  // namespace

double cloud_hazard(const ModelContext& c, sim::FirmIndex f, double peer_share) {
  return hazard_with(c, f, adopted_partner_share(c, f), peer_share);
}

void init_digital_state(ModelContext& c, sim::FirmIndex f) {
  const auto& ap = c.params.adoption;
  sim::Rng rng(c.world.seed, sim::Stream::AdoptionThreshold, c.world.firms.id(f), 0);
  c.world.firms.adoption_threshold[f] =
      ap.threshold_min + (ap.threshold_max - ap.threshold_min) * rng.uniform();
  c.world.firms.overhead_factor[f] = 1.0;
  c.world.firms.unaided_coordination[f] = 1.0;
  c.world.firms.platform_value[f] = ap.prior_value;
}

void join_platform(ModelContext& c, sim::FirmIndex f, std::size_t p) {
  sim::Firms& fs = c.world.firms;
  sim::Platform& pl = c.world.platforms[p];
  if (!fs.on_cloud[f]) {
    fs.on_cloud[f] = 1;
    fs.cloud_tick[f] = c.world.tick;
    ++c.stats.cloud_adoptions;
  }
  fs.platforms[f] |= 1u << p;
  if (fs.first_join_tick[f] < 0) fs.first_join_tick[f] = c.world.tick;
  fs.cash[f] -= pl.entry_fee;
  pl.revenue += pl.entry_fee;
  c.ledger.pay(sim::Sector::Firms, sim::Sector::Platforms, sim::FlowKind::EntryFee, pl.entry_fee.yuan);
  ++c.stats.platform_joins;
}

namespace {

/** What adoption reads of one partner of a firm (in-edges first, then out-edges, as the walks visited them),
 * gathered in one walk: the per-platform walks re-read the scattered partners' arrays once per platform. */
struct Partner {
  sim::FirmIndex id;
  std::uint32_t platforms;
  std::uint8_t on_cloud;
  double gain;  ///< realised gain, NaN if none
};

void gather_partners(const ModelContext& c, sim::FirmIndex f, const std::vector<double>& gain,
                     std::vector<Partner>& out) {
  const auto& g = c.world.network;
  const auto& fs = c.world.firms;
  out.clear();
  auto add = [&](sim::FirmIndex o) { out.push_back({o, fs.platforms[o], fs.on_cloud[o], gain[o]}); };
  for (auto [e, end] = boost::in_edges(f, g); e != end; ++e)
    add(static_cast<sim::FirmIndex>(boost::source(*e, g)));
  for (auto [e, end] = boost::out_edges(f, g); e != end; ++e)
    add(static_cast<sim::FirmIndex>(boost::target(*e, g)));
}

/** How many firms ahead adoption prefetches their partners (prefetch_partners). */
constexpr std::size_t kPrefetchAhead = 4;

/** Starts the loads of what gather_partners reads of firm f's partners, so that the misses at scattered
 * partners overlap. A hint only: it changes no value. */
void prefetch_partners(const ModelContext& c, sim::FirmIndex f, const std::vector<double>& gain) {
  const auto& g = c.world.network;
  const auto& fs = c.world.firms;
  auto start = [&](std::size_t o) {
    sim::prefetch(&fs.platforms[o]);
    sim::prefetch(&fs.on_cloud[o]);
    sim::prefetch(&gain[o]);
  };
  for (const auto& a : g.in_arcs(f)) start(a.partner);
  for (const auto& a : g.out_arcs(f)) start(a.partner);
}

/** adopted_partner_share over a gathered list (the same sum in the same order). */
double adopted_share(const std::vector<Partner>& partners) {
  double n = 0, a = 0;
  for (const Partner& o : partners) {
    n += 1;
    a += o.on_cloud;
  }
  return n > 0 ? a / n : 0.0;
}

bool eligible(const ModelContext& c, sim::FirmIndex f, const sim::Platform& pl,
              const std::vector<Partner>& partners) {
  const sim::Firms& fs = c.world.firms;
  if (!pl.alive || !sim::takes_firm_members(pl)) return false;
  if (!sim::admits_region(pl, static_cast<std::int32_t>(sim::idx(fs.region[f])))) return false;
  if (!sim::admits_industry(pl, static_cast<std::int32_t>(sim::idx(fs.industry[f])))) return false;
  if (pl.partners_only && pl.owner_firm >= 0 && static_cast<std::int64_t>(fs.id(f)) != pl.owner_firm) {
    // A point connects its chain-master's suppliers and customers (7.51); an owner compacted away (exited)
    // has no partners left.
    const sim::FirmIndex o = fs.slot_of(static_cast<std::uint64_t>(pl.owner_firm));
    if (std::none_of(partners.begin(), partners.end(), [&](const Partner& x) { return x.id == o; }))
      return false;
  }
  return fs.digital_maturity[f] >= pl.min_digital_maturity;
}

/** Share of f's partners on platform p, and whether f trades with p's chain-master owner. */
std::pair<double, bool> platform_partners(const ModelContext& c, const std::vector<Partner>& partners,
                                          std::size_t p) {
  const std::int64_t owner_id = c.world.platforms[p].owner_firm;
  const std::int64_t owner =
      owner_id < 0 ? -1
                   : static_cast<std::int64_t>(c.world.firms.slot_of(static_cast<std::uint64_t>(owner_id)));
  double n = 0, a = 0;
  bool owner_partner = false;
  for (const Partner& o : partners) {
    n += 1;
    a += (o.platforms >> p) & 1u;
    owner_partner |= static_cast<std::int64_t>(o.id) == owner;
  }
  return {n > 0 ? a / n : 0.0, owner_partner};
}

/** Mean realised gain at f's partners that have one, blended with the co-located members' mean. */
std::optional<double> observed_gain(const ModelContext& c, const std::vector<Partner>& partners,
                                    std::optional<double> peers) {
  double n = 0, sum = 0;
  for (const Partner& o : partners) {
    if (std::isnan(o.gain)) continue;
    n += 1;
    sum += o.gain;
  }
  if (n == 0) return peers;
  if (!peers) return sum / n;
  const double w = c.params.adoption.partner_weight;
  return w * sum / n + (1.0 - w) * *peers;
}

/** Expected monthly value of joining platform p for f, as a share of f's revenue: the learned margin
 * gain (discounted for each platform f already uses), plus the voucher share of the cloud cost f would
 * not pay, minus the entry fee spread over entry_fee_months (docs/ODD.md 7.37). */
double join_value(const ModelContext& c, sim::FirmIndex f, std::size_t p) {
  const auto& ap = c.params.adoption;
  const sim::Firms& fs = c.world.firms;
  const double revenue = fs.revenue[f].yuan;
  if (revenue <= 0.0) return -1.0;  // nothing sold: no margin to improve
  const int k = std::popcount(fs.platforms[f] & ~(1u << p));
  const double gain = fs.platform_value[f] * std::pow(ap.multihoming_discount, k);
  // Members' margins already carry the full cloud cost; a voucher would pay part of it.
  const double voucher = fs.on_cloud[f] ? 0.0 : c.voucher_share[f] * cloud_cost(c, f) / revenue;
  return gain + voucher - c.world.platforms[p].entry_fee.yuan / ap.entry_fee_months / revenue;
}

}  // namespace

double join_probability(double value, double noise) { return 1.0 / (1.0 + std::exp(-value / noise)); }

void track_margins(const AdoptionParams& ap, sim::Firms& fs, sim::FirmIndex f, double own_return) {
  if (fs.revenue[f].yuan <= 0.0) return;
  const double m = fs.profit[f].yuan / fs.revenue[f].yuan;
  const std::int16_t cap = 1000;
  if (fs.platforms[f]) {
    const double m_platform = m - own_return / fs.revenue[f].yuan;  // the platform's part (7.106)
    fs.margin_on[f] = fs.months_on[f] == 0
                          ? m_platform
                          : fs.margin_on[f] + ap.margin_smoothing * (m_platform - fs.margin_on[f]);
    fs.months_on[f] = static_cast<std::int16_t>(std::min<int>(cap, fs.months_on[f] + 1));
  } else {
    fs.margin_off[f] =
        fs.months_off[f] == 0 ? m : fs.margin_off[f] + ap.margin_smoothing * (m - fs.margin_off[f]);
    fs.months_off[f] = static_cast<std::int16_t>(std::min<int>(cap, fs.months_off[f] + 1));
    fs.months_on[f] = 0;  // a new membership starts a new after-period
  }
}

std::optional<double> realised_gain(const AdoptionParams& ap, const sim::Firms& fs, sim::FirmIndex f) {
  const auto n = static_cast<std::int16_t>(std::min<std::uint32_t>(ap.min_history, 1000));
  if (!fs.platforms[f] || fs.months_on[f] < n || fs.months_off[f] < n) return std::nullopt;
  return fs.margin_on[f] - fs.margin_off[f];
}

void learn_value(const AdoptionParams& ap, sim::Firms& fs, sim::FirmIndex f, std::optional<double> signal) {
  if (signal) fs.platform_value[f] += ap.value_learning_rate * (*signal - fs.platform_value[f]);
}

namespace {
/** Digital maturity grows on the cloud (it improves reliability, 7.30), also for the launch owners that are
 * on the cloud when adoption is switched off. */
void grow_digital_maturity(ModelContext& c) {
  sim::Firms& fs = c.world.firms;
  const double gain = c.params.adoption.maturity_gain;
  for (auto i : c.directory.alive())
    if (fs.on_cloud[i]) fs.digital_maturity[i] += gain * (1.0 - fs.digital_maturity[i]);
}
}  // namespace

void adopt_and_join(ModelContext& c) {
  const auto& ap = c.params.adoption;
  if (!ap.enabled) {
    grow_digital_maturity(c);
    return;
  }
  sim::World& w = c.world;
  sim::Firms& fs = w.firms;
  const auto& alive = c.directory.alive();
  // Peer adoption share by region × industry (the "community" a firm observes).
  const std::size_t R = w.regions.size(), I = w.industries.size();
  std::vector<double> peers(R * I, 0.0), adopted(R * I, 0.0);
  for (auto i : alive) {
    const std::size_t k = sim::idx(fs.region[i]) * I + sim::idx(fs.industry[i]);
    peers[k] += 1;
    adopted[k] += fs.on_cloud[i];
  }
  // Realised margin gains of members (own before/after), and their mean per region × industry: what
  // a firm can observe at its partners and co-located peers (docs/ODD.md 7.35–7.36).
  // A member's own in-plant purchase and its saving are its investment, not the platform's effect (7.106).
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    track_margins(ap, fs, alive[k], in_plant_own_return(c, alive[k]));
  });
  auto& gain = c.month_work.realised_gain;
  sim::refill(gain, fs.size(), std::numeric_limits<double>::quiet_NaN());
  std::vector<double> cell_gain(R * I, 0.0), cell_known(R * I, 0.0);
  for (auto i : alive)
    if (const auto g = realised_gain(ap, fs, i)) {
      gain[i] = *g;
      const std::size_t pk = sim::idx(fs.region[i]) * I + sim::idx(fs.industry[i]);
      cell_gain[pk] += *g;
      cell_known[pk] += 1;
    }
  auto& go_cloud = c.month_work.go_cloud;
  auto& joins = c.month_work.joins;
  auto& leaves = c.month_work.leaves;
  sim::refill(go_cloud, alive.size(), std::uint8_t{0});
  sim::refill(joins, alive.size(), 0u);
  sim::refill(leaves, alive.size(), 0u);
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    const std::size_t pk = sim::idx(fs.region[i]) * I + sim::idx(fs.industry[i]);
    thread_local std::vector<Partner> partners;  // each worker's own scratch
    if (k + kPrefetchAhead < alive.size()) prefetch_partners(c, alive[k + kPrefetchAhead], gain);
    if (k + 2 * kPrefetchAhead < alive.size())  // the lists prefetch_partners walks
      sim::prefetch_arc_lists(w.network, alive[k + 2 * kPrefetchAhead]);
    gather_partners(c, i, gain, partners);
    // Adaptive expectations: own realised gain once measurable, otherwise gains observed at members
    // the firm knows (partners weighted against co-located peers as in the Bass peer share).
    std::optional<double> signal;
    if (!std::isnan(gain[i])) {
      signal = gain[i];
    } else {
      signal = observed_gain(
          c, partners,
          cell_known[pk] > 0 ? std::optional<double>(cell_gain[pk] / cell_known[pk]) : std::nullopt);
    }
    learn_value(ap, fs, i, signal);
    const bool offline = !fs.on_cloud[i];
    if (offline) {
      sim::Rng rng(w.seed, sim::Stream::Adoption, w.firms.id(i), static_cast<std::uint64_t>(w.tick));
      if (ap.threshold_rule) {
        // Watts (2002): adopt once the adopted share of partners reaches the firm's threshold.
        if (adopted_share(partners) >= fs.adoption_threshold[i] &&
            sim::bernoulli(rng, ap.threshold_rate * adoption_readiness(c, i)))
          go_cloud[k] = 1;
        else if (sim::bernoulli(rng, 1.0 - std::exp(-ap.bass_p / 12.0 * adoption_readiness(c, i))))
          go_cloud[k] = 1;  // spontaneous innovators seed the cascade
      } else if (sim::bernoulli(rng, hazard_with(c, i, adopted_share(partners),
                                                 peers[pk] > 0 ? adopted[pk] / peers[pk] : 0.0))) {
        go_cloud[k] = 1;
      }
    }
    // Awareness: a Bass hazard (partners on the platform, the owner's pull, digital readiness) decides
    // when a firm weighs a platform; the logit of its expected value decides whether it joins.
    const double ready = offline ? adoption_readiness(c, i) : 1.0;
    sim::Rng rng(w.seed, sim::Stream::PlatformJoin, w.firms.id(i), static_cast<std::uint64_t>(w.tick));
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      const sim::Platform& pl = w.platforms[p];
      if (fs.member_of(i, p)) {
        if (static_cast<std::int64_t>(fs.id(i)) == pl.owner_firm && pl.alive) continue;  // owners stay
        // Members leave once their own realised gain (learned) falls below what membership costs
        // them (fees and cloud cost are inside the margin), or by churn.
        const bool poor = !std::isnan(gain[i]) && fs.platform_value[i] < 0.0;
        if (!pl.alive || poor || sim::bernoulli(rng, ap.leave_rate)) leaves[k] |= 1u << p;
        continue;
      }
      if (!eligible(c, i, pl, partners)) continue;
      const auto [share, owner_partner] = platform_partners(c, partners, p);
      const double pull = owner_partner ? ap.owner_pull : 1.0;
      const double aware = (ap.join_p + ap.join_q * share) / 12.0 * pull * ready;
      if (!sim::bernoulli(rng, 1.0 - std::exp(-aware))) continue;
      if (sim::bernoulli(rng, join_probability(join_value(c, i, p), ap.decision_noise))) joins[k] |= 1u << p;
    }
  });
  // Apply in firm order so the outcome does not depend on the thread count.
  for (std::size_t k = 0; k < alive.size(); ++k) {
    const sim::FirmIndex i = alive[k];
    if (go_cloud[k]) {
      fs.on_cloud[i] = 1;
      fs.cloud_tick[i] = w.tick;
      ++c.stats.cloud_adoptions;
    }
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      if ((leaves[k] >> p) & 1u) {
        fs.platforms[i] &= ~(1u << p);
        ++c.stats.platform_leaves;
      }
      if ((joins[k] >> p) & 1u) join_platform(c, i, p);
    }
  }
  grow_digital_maturity(c);
}

}  // namespace vicsim::agents
