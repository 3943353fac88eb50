#include "agents/platform_hierarchy.hpp"

#include <bit>

namespace vicsim::agents {

namespace {
bool alive_at(const sim::World& w, std::int32_t p, sim::PlatformLevel level) {
  return p >= 0 && static_cast<std::size_t>(p) < w.platforms.size() &&
         w.platforms[static_cast<std::size_t>(p)].alive &&
         w.platforms[static_cast<std::size_t>(p)].level == level;
}

/** Lowest-index alive platform of `level` that `accept`s, preferring one hosted in `host`. */
template <class F>
std::int32_t pick(const sim::World& w, sim::PlatformLevel level, sim::RegionId host, F&& accept) {
  std::int32_t any = -1;
  for (std::size_t q = 0; q < w.platforms.size(); ++q) {
    const sim::Platform& pl = w.platforms[q];
    if (!pl.alive || pl.level != level || !accept(pl)) continue;
    if (pl.host_region == host) return static_cast<std::int32_t>(q);
    if (any < 0) any = static_cast<std::int32_t>(q);
  }
  return any;
}
}  // namespace

void link_platform_hierarchy(ModelContext& c) {
  sim::World& w = c.world;
  for (auto& pl : w.platforms) {
    if (!c.params.hierarchy.enabled || !pl.alive) {
      pl.parent = -1;
      continue;
    }
    // A link holds while both ends are alive; a lost parent is replaced by the best alive one.
    if (pl.level == sim::PlatformLevel::Enterprise && !alive_at(w, pl.parent, sim::PlatformLevel::Industry))
      pl.parent = pick(w, sim::PlatformLevel::Industry, pl.host_region, [&](const sim::Platform& q) {
        // A declared point may name no industry: its chain-master owner's industry is its industry.
        const std::int32_t industry = pl.industry >= 0 ? pl.industry : pl.owner_industry;
        return q.industry < 0 || q.industry == industry;
      });
    else if (pl.level == sim::PlatformLevel::Industry &&
             !alive_at(w, pl.parent, sim::PlatformLevel::Regional))
      pl.parent =
          pick(w, sim::PlatformLevel::Regional, pl.host_region, [](const sim::Platform&) { return true; });
    else if (pl.level == sim::PlatformLevel::Regional || pl.level == sim::PlatformLevel::Middle)
      pl.parent = -1;
  }
}

std::uint32_t hierarchy_reach(const sim::World& w, std::size_t p) {
  const sim::Platform& pl = w.platforms[p];
  std::uint32_t m = 1u << p;
  if (!pl.alive) return m;
  if (pl.parent >= 0) m |= 1u << pl.parent;
  for (std::size_t q = 0; q < w.platforms.size(); ++q) {
    const sim::Platform& o = w.platforms[q];
    if (!o.alive || q == p) continue;
    // The line's points, and the surface's lines.
    if (o.parent == static_cast<std::int32_t>(p)) m |= 1u << q;
    // Cross-industry matchmaking: lines under the same surface reach each other's members.
    if (pl.level == sim::PlatformLevel::Industry && pl.parent >= 0 && o.parent == pl.parent &&
        o.level == sim::PlatformLevel::Industry)
      m |= 1u << q;
  }
  return m;
}

double surface_data_factor(const ModelContext& c, const sim::Platform& s) {
  return s.data_value / (s.data_value + c.params.hierarchy.data_half_yuan);
}

double line_app_factor(const ModelContext& c, const sim::Platform& l) {
  return l.app_stock / (l.app_stock + c.params.hierarchy.app_half);
}

void grow_hierarchy_stocks(ModelContext& c) {
  const auto& hp = c.params.hierarchy;
  sim::World& w = c.world;
  if (!hp.enabled) return;
  const std::size_t P = w.platforms.size();
  std::vector<double> line_gmv(P, 0.0), usage(P, 0.0);
  for (std::size_t q = 0; q < P; ++q) {
    const sim::Platform& o = w.platforms[q];
    if (!o.alive) continue;
    if (o.level == sim::PlatformLevel::Industry) usage[q] += o.members;
    if (o.parent < 0) continue;
    const auto parent = static_cast<std::size_t>(o.parent);
    if (o.level == sim::PlatformLevel::Industry) line_gmv[parent] += o.gmv;
    if (o.level == sim::PlatformLevel::Enterprise) usage[parent] += o.members;
  }
  for (std::size_t q = 0; q < P; ++q) {
    sim::Platform& pl = w.platforms[q];
    if (!pl.alive) continue;
    if (pl.level == sim::PlatformLevel::Regional)
      pl.data_value += hp.data_rate * (line_gmv[q] - pl.data_value);
    if (pl.level == sim::PlatformLevel::Industry)
      pl.app_stock = (1.0 - hp.app_depreciation) * pl.app_stock + hp.app_rate * usage[q];
  }
}

double shared_capacity_saving(const ModelContext& c, std::size_t p) {
  const sim::World& w = c.world;
  const sim::Platform& pl = w.platforms[p];
  double keep = 1.0;
  if (c.params.hierarchy.enabled && pl.level == sim::PlatformLevel::Industry &&
      alive_at(w, pl.parent, sim::PlatformLevel::Regional))
    keep *= 1.0 - c.params.hierarchy.compute_saving;
  const auto& ip = c.params.interconnection;
  if (ip.share_technology && pl.level != sim::PlatformLevel::Middle && ((c.connected >> p) & 1u))
    keep *= 1.0 - ip.technology_saving;
  return 1.0 - keep;
}

bool integrated_pair(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b) {
  const auto& f = c.world.firms;
  // No firm is a member of the middle platform itself (sim::takes_firm_members), so only the N count.
  const std::uint32_t both = (f.platforms[s] | f.platforms[b]) & c.connected;
  return std::popcount(both) >= 2;
}

}  // namespace vicsim::agents
