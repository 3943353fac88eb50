#include "agents/policies.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "agents/platform_strategy.hpp"
#include "sim/refill.hpp"

namespace vicsim::agents {

const char* instrument_name(Instrument i) {
  switch (i) {
    case Instrument::Infrastructure:
      return "infrastructure";
    case Instrument::CloudVoucher:
      return "cloud_voucher";
    case Instrument::PlatformCultivation:
      return "platform_cultivation";
    case Instrument::Pilot:
      return "pilot";
    case Instrument::Interconnection:
      return "interconnection";
    case Instrument::Supervision:
      return "supervision";
  }
  return "?";
}

double cloud_cost(const ModelContext& c, sim::FirmIndex f) {
  const auto& ap = c.params.adoption;
  return ap.cloud_cost_fixed + ap.cloud_cost_per_employee * c.world.firms.employees[f];
}

namespace {
bool in_regions(const PolicyTarget& t, sim::RegionId r) {
  return t.regions.empty() || std::find(t.regions.begin(), t.regions.end(), r) != t.regions.end();
}

/** Spends up to `want` yuan from the policy's budget and returns what was granted. */
double spend(ModelContext& c, Policy& p, double want) {
  const double got = std::clamp(p.remaining().yuan, 0.0, want);
  p.spent += sim::Money{got};
  p.spent_tick += sim::Money{got};
  c.stats.policy_spend += got;
  return got;
}
}  // namespace

bool targets(const ModelContext& c, const Policy& p, sim::FirmIndex f) {
  const sim::Firms& fs = c.world.firms;
  if (!in_regions(p.target, fs.region[f])) return false;
  if (p.target.industry >= 0 && static_cast<std::int32_t>(sim::idx(fs.industry[f])) != p.target.industry)
    return false;
  const bool sme = fs.employees[f] < c.params.population.sme_threshold;
  if (p.target.size_class == 1 && !sme) return false;
  if (p.target.size_class == 2 && sme) return false;
  return true;
}

namespace {
/** True if cultivation policy p co-funds founding a platform hosted in `host` serving `industry`. */
bool cofunds(const Policy& p, std::int32_t tick, sim::RegionId host, std::int32_t industry) {
  return p.instrument == Instrument::PlatformCultivation && p.target.platform < 0 && p.active(tick) &&
         in_regions(p.target, host) && (p.target.industry < 0 || p.target.industry == industry);
}

/** Index of the first policy in scenario order that co-funds a launch hosted in `host` for `industry` and
 * has budget left: the one source for what a founder counts on and what its launch is paid. */
std::optional<std::size_t> cofunding_policy(const ModelContext& c, sim::RegionId host,
                                            std::int32_t industry) {
  for (std::size_t k = 0; k < c.policies.size(); ++k)
    if (cofunds(c.policies[k], c.world.tick, host, industry) && c.policies[k].remaining().yuan > 0.0)
      return k;
  return std::nullopt;
}

/** Co-funding of a launch costing `launch_cost` that policy p can pay: its share, within its budget. */
double cofund_amount(const Policy& p, double launch_cost) {
  return std::clamp(p.remaining().yuan, 0.0, p.platform_subsidy_share * launch_cost);
}
}  // namespace

double launch_cofund_share(const ModelContext& c, sim::RegionId host, std::int32_t industry,
                           double launch_cost) {
  const auto k = cofunding_policy(c, host, industry);
  if (!k) return 0.0;
  const Policy& p = c.policies[*k];
  return launch_cost > 0.0 ? cofund_amount(p, launch_cost) / launch_cost : p.platform_subsidy_share;
}

double cofund_launch(ModelContext& c, sim::RegionId host, std::int32_t industry, double launch_cost) {
  // Market selection: the founder decides, the policy only shares the cost.
  const auto k = cofunding_policy(c, host, industry);
  if (!k) return 0.0;
  Policy& p = c.policies[*k];
  const double got = spend(c, p, cofund_amount(p, launch_cost));
  c.ledger.pay(sim::Sector::Government, sim::Sector::Platforms, sim::FlowKind::Subsidy, got);
  return got;
}

void begin_policies(ModelContext& c) {
  sim::World& w = c.world;
  sim::refill(c.voucher_share, w.firms.size(), 0.0);
  c.fee_cap = 1.0;
  c.treated.assign(w.regions.size(), 0);
  for (auto& p : c.policies) {
    p.spent_tick = sim::Money{0.0};
    if (p.instrument == Instrument::Pilot)
      for (auto r : p.target.regions) c.treated[sim::idx(r)] = 1;
    if (!p.active(w.tick)) continue;
    const bool upgrades = p.instrument == Instrument::Infrastructure ||
                          (p.instrument == Instrument::Pilot && p.infrastructure_gain > 0.0);
    if (upgrades && w.tick < p.start + p.rollout_months) {
      for (std::size_t r = 0; r < w.regions.size(); ++r) {
        if (!in_regions(p.target, sim::RegionId{static_cast<std::uint16_t>(r)})) continue;
        auto& level = w.regions[r].infrastructure;
        const double step = std::min(1.0 - level, p.infrastructure_gain / p.rollout_months);
        if (step <= 0.0) continue;
        const double want = step * p.cost_per_level;
        const double got = spend(c, p, want);
        c.ledger.pay(sim::Sector::Government, sim::Sector::Households, sim::FlowKind::PublicSpending, got);
        level +=
            want > 0.0 ? step * (got / want) : step;  // a budget that runs out builds less; free builds all
      }
    }
    if ((p.instrument == Instrument::CloudVoucher || p.instrument == Instrument::Pilot) &&
        p.remaining().yuan > 0.0) {
      for (auto i : c.directory.alive())
        if (targets(c, p, i)) c.voucher_share[i] = std::max(c.voucher_share[i], p.subsidy_share);
    }
    if (p.instrument == Instrument::PlatformCultivation && p.target.platform >= 0 && w.tick == p.start) {
      auto& pl = w.platforms[static_cast<std::size_t>(p.target.platform)];
      if (!pl.alive && pl.failed_tick < 0) pl.launch_tick = w.tick;
    }
    if (p.instrument == Instrument::Interconnection) {
      for (std::size_t k = 0; k < w.platforms.size(); ++k) {
        auto& pl = w.platforms[k];
        if (pl.level == sim::PlatformLevel::Middle && !pl.alive && pl.failed_tick < 0 && pl.launch_tick < 0)
          pl.launch_tick = w.tick;  // the mandate creates the shared middle platform if needed
        if (pl.alive && (p.target.platform < 0 || p.target.platform == static_cast<std::int32_t>(k)))
          pl.interconnected = true;
      }
    }
    if (p.instrument == Instrument::Supervision) c.fee_cap = std::min(c.fee_cap, p.fee_cap);
  }
}

void account_policies(ModelContext& c) {
  sim::World& w = c.world;
  // What each firm's cloud cost has already been paid this month (yuan): overlapping voucher and pilot
  // policies top it up to their own share, so together they pay the largest share, as readiness counts it.
  // Sized by the first voucher or pilot in force, so a month without one allocates nothing.
  std::vector<double> covered;
  for (auto& p : c.policies) {
    if (!p.active(w.tick)) continue;
    switch (p.instrument) {
      case Instrument::CloudVoucher:
      case Instrument::Pilot:
        // Vouchers pay their share of the cloud cost of targeted firms on the cloud.
        if (covered.empty()) covered.assign(w.firms.size(), 0.0);
        for (auto i : c.directory.alive()) {
          if (!w.firms.on_cloud[i] || !targets(c, p, i)) continue;
          const double due = p.subsidy_share * cloud_cost(c, i) - covered[i];
          if (!(due > 0.0)) continue;
          const double got = spend(c, p, due);
          covered[i] += got;
          c.ledger.pay(sim::Sector::Government, sim::Sector::Firms, sim::FlowKind::Subsidy, got);
          // Row 32's windfall: vouchers to firms that were on the cloud before the policy began.
          if (w.firms.cloud_tick[i] >= 0 && w.firms.cloud_tick[i] < p.start) c.stats.voucher_windfall += got;
          w.firms.cash[i] += sim::Money{got};
          w.firms.subsidy[i] += sim::Money{got};
        }
        break;
      case Instrument::PlatformCultivation:
        if (p.target.platform >= 0 && w.platforms[static_cast<std::size_t>(p.target.platform)].alive) {
          auto& pl = w.platforms[static_cast<std::size_t>(p.target.platform)];
          const double got = spend(c, p, p.platform_subsidy_share * pl.cost.yuan);
          c.ledger.pay(sim::Sector::Government, sim::Sector::Platforms, sim::FlowKind::Subsidy, got);
          pl.cash += sim::Money{got};
        }
        break;
      case Instrument::Interconnection:
        for (auto& pl : w.platforms)
          if (pl.alive && pl.level == sim::PlatformLevel::Middle) {
            const double got = spend(c, p, p.platform_subsidy_share * pl.cost.yuan);
            c.ledger.pay(sim::Sector::Government, sim::Sector::Platforms, sim::FlowKind::Subsidy, got);
            pl.cash += sim::Money{got};
          }
        break;
      case Instrument::Supervision:
        c.ledger.pay(sim::Sector::Government, sim::Sector::Households, sim::FlowKind::PublicSpending,
                     spend(c, p, p.budget.yuan / std::max(1, p.end - p.start + 1)));
        break;
      case Instrument::Infrastructure:
        break;  // paid while building, in begin_policies
    }
  }
}

}  // namespace vicsim::agents
