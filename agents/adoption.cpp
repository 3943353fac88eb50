#include "agents/adoption.hpp"

#include <algorithm>
#include <cmath>

#include "agents/platform_services.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"

namespace vicsim::agents {

double adoption_readiness(const ModelContext& c, sim::FirmIndex f) {
  const auto& ap = c.params.adoption;
  const sim::Firms& fs = c.world.firms;
  const double infra = c.world.regions[sim::idx(fs.region[f])].infrastructure;
  const double q_infra = ap.infrastructure_floor + (1.0 - ap.infrastructure_floor) * infra;
  const double size = std::min(1.0, std::pow(fs.employees[f] / ap.size_reference, ap.size_elasticity));
  const double cost =
      (ap.cloud_cost_fixed + ap.cloud_cost_per_employee * fs.employees[f]) * (1.0 - c.voucher_share[f]);
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

double cloud_hazard(const ModelContext& c, sim::FirmIndex f, double peer_share) {
  const auto& ap = c.params.adoption;
  const double a = ap.partner_weight * adopted_partner_share(c, f) + (1.0 - ap.partner_weight) * peer_share;
  // Bass coefficients are per year; one tick is a month.
  const double rate = (ap.bass_p + ap.bass_q * a) / 12.0 * adoption_readiness(c, f);
  return 1.0 - std::exp(-rate);
}

void init_digital_state(ModelContext& c, sim::FirmIndex f) {
  const auto& ap = c.params.adoption;
  sim::Rng rng(c.world.seed, sim::Stream::AdoptionThreshold, f, 0);
  c.world.firms.adoption_threshold[f] =
      ap.threshold_min + (ap.threshold_max - ap.threshold_min) * rng.uniform();
  c.world.firms.defect_rate[f] = c.params.services.defect_rate;
  c.world.firms.overhead_factor[f] = 1.0;
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

bool eligible(const ModelContext& c, sim::FirmIndex f, const sim::Platform& pl) {
  const sim::Firms& fs = c.world.firms;
  if (!pl.alive) return false;
  if (!pl.open_regions) {
    const auto home =
        pl.home_region >= 0 ? pl.home_region : static_cast<std::int32_t>(sim::idx(pl.host_region));
    if (static_cast<std::int32_t>(sim::idx(fs.region[f])) != home) return false;
  }
  if (!pl.open_industries && pl.industry >= 0 &&
      static_cast<std::int32_t>(sim::idx(fs.industry[f])) != pl.industry)
    return false;
  if (pl.partners_only && pl.owner_firm >= 0 && static_cast<std::int64_t>(f) != pl.owner_firm) {
    // A point connects its chain-master's suppliers and customers (7.51).
    const auto o = static_cast<sim::FirmIndex>(pl.owner_firm);
    if (!boost::edge(f, o, c.world.network).second && !boost::edge(o, f, c.world.network).second) return false;
  }
  return fs.digital_maturity[f] >= pl.min_digital_maturity;
}

/** Share of f's partners on platform p, and whether f trades with p's chain-master owner. */
std::pair<double, bool> platform_partners(const ModelContext& c, sim::FirmIndex f, std::size_t p) {
  const auto& g = c.world.network;
  const auto& fs = c.world.firms;
  const std::int64_t owner = c.world.platforms[p].owner_firm;
  double n = 0, a = 0;
  bool owner_partner = false;
  auto visit = [&](sim::FirmIndex o) {
    n += 1;
    a += fs.member_of(o, p);
    owner_partner |= static_cast<std::int64_t>(o) == owner;
  };
  for (auto [e, end] = boost::in_edges(f, g); e != end; ++e)
    visit(static_cast<sim::FirmIndex>(boost::source(*e, g)));
  for (auto [e, end] = boost::out_edges(f, g); e != end; ++e)
    visit(static_cast<sim::FirmIndex>(boost::target(*e, g)));
  return {n > 0 ? a / n : 0.0, owner_partner};
}

/** Net monthly value of platform p to f, as a share of value added: services minus fees, with a
 * network effect in the platform's reach and diminishing value of each extra platform. */
double join_value(const ModelContext& c, sim::FirmIndex f, std::size_t p) {
  const sim::Platform& pl = c.world.platforms[p];
  const sim::Firms& fs = c.world.firms;
  const auto& s = pl.services;
  const double va = std::max(1.0, fs.revenue[f].yuan - fs.input_cost[f].yuan);
  // Expected gains as shares of value added, in line with the case figures (total cost −8%,
  // management efficiency +30%, C2M margins): calibrated, see docs/ODD.md.
  double gain = 0.04 * s.matchmaking + 0.03 * s.dispatch + 0.04 * s.knowledge + 0.01 * s.finance +
                0.02 * s.logistics + (c.is_final_stage(f) ? 0.05 : 0.0) * s.forecasting;
  double reach_members = 0;
  for (std::size_t k = 0; k < c.world.platforms.size(); ++k)
    if ((c.reach[p] >> k) & 1u) reach_members += c.world.platforms[k].members;
  // Network effect: a platform is worth more the more members it reaches (Heinrich & Gräbner 2019).
  gain *= 0.3 + 0.7 * std::min(1.0, std::log1p(reach_members) / std::log1p(1000.0));
  gain /= 1.0 + std::max(0.0, pl.congestion - 1.0);
  const double fees = charged_fee(c, pl) * 0.5 * fs.input_cost[f].yuan / va + pl.entry_fee.yuan / 24.0 / va;
  const int k = std::popcount(fs.platforms[f] & ~(1u << p));
  return gain * std::pow(c.params.adoption.multihoming_discount, k) - fees;
}

}  // namespace

void adopt_and_join(ModelContext& c) {
  const auto& ap = c.params.adoption;
  if (!ap.enabled) return;
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
  std::vector<std::uint8_t> go_cloud(alive.size(), 0);
  std::vector<std::uint32_t> joins(alive.size(), 0u), leaves(alive.size(), 0u);
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    const bool offline = !fs.on_cloud[i];
    if (offline) {
      sim::Rng rng(w.seed, sim::Stream::Adoption, i, static_cast<std::uint64_t>(w.tick));
      const std::size_t pk = sim::idx(fs.region[i]) * I + sim::idx(fs.industry[i]);
      if (ap.threshold_rule) {
        // Watts (2002): adopt once the adopted share of partners reaches the firm's threshold.
        if (adopted_partner_share(c, i) >= fs.adoption_threshold[i] &&
            sim::bernoulli(rng, ap.threshold_rate * adoption_readiness(c, i)))
          go_cloud[k] = 1;
        else if (sim::bernoulli(rng, 1.0 - std::exp(-ap.bass_p / 12.0 * adoption_readiness(c, i))))
          go_cloud[k] = 1;  // spontaneous innovators seed the cascade
      } else if (sim::bernoulli(rng, cloud_hazard(c, i, peers[pk] > 0 ? adopted[pk] / peers[pk] : 0.0))) {
        go_cloud[k] = 1;
      }
    }
    // Platforms also pull firms that are not yet on the cloud, at their digital readiness.
    const double ready = offline ? adoption_readiness(c, i) : 1.0;
    sim::Rng rng(w.seed, sim::Stream::PlatformJoin, i, static_cast<std::uint64_t>(w.tick));
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      const sim::Platform& pl = w.platforms[p];
      if (fs.member_of(i, p)) {
        // Members leave when the platform is no longer worth its fees, or by churn.
        if (static_cast<std::int64_t>(i) == pl.owner_firm && pl.alive) continue;  // owners stay
        const double v = pl.alive ? join_value(c, i, p) : -1.0;
        if (!pl.alive || (v < 0 && sim::bernoulli(rng, 0.2)) || sim::bernoulli(rng, ap.leave_rate))
          leaves[k] |= 1u << p;
        continue;
      }
      if (!eligible(c, i, pl)) continue;
      const double v = join_value(c, i, p);
      if (v <= 0.0) continue;
      const auto [share, owner_partner] = platform_partners(c, i, p);
      const double pull = owner_partner ? ap.owner_pull : 1.0;
      const double rate = (ap.join_p + ap.join_q * share) / 12.0 * pull * ready * std::min(1.0, v / 0.02);
      if (sim::bernoulli(rng, 1.0 - std::exp(-rate))) joins[k] |= 1u << p;
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
  // Digital maturity grows on the cloud; shared apps cut defects and management overhead.
  const auto& sp = c.params.services;
  for (auto i : alive) {
    if (fs.on_cloud[i]) fs.digital_maturity[i] += ap.maturity_gain * (1.0 - fs.digital_maturity[i]);
    const double know = fs.platforms[i] ? service_access(c, i).knowledge : 0.0;  // memberships just changed
    const double defect_target = sp.defect_rate * (1.0 - sp.defect_cut * know);
    const double overhead_target = 1.0 - sp.overhead_cut * know;
    fs.defect_rate[i] += sp.app_adoption_rate * (defect_target - fs.defect_rate[i]);
    fs.overhead_factor[i] += sp.app_adoption_rate * (overhead_target - fs.overhead_factor[i]);
  }
}

}  // namespace vicsim::agents
