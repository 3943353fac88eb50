#include "viz/synthetic_source.hpp"

#include <algorithm>
#include <cmath>

#include "viz/layout.hpp"

namespace vicsim::viz {

SyntheticSource::SyntheticSource(std::size_t nodes, std::size_t edges, std::uint64_t seed,
                                 std::int32_t ticks) {
  info_.name = "synthetic " + std::to_string(nodes) + " firms";
  info_.source = "synthetic";
  info_.seed = seed;
  info_.ticks = ticks;
  info_.has_adoption = true;
  const char* regions[] = {"North", "East", "South", "West", "Centre", "Coast", "Hills", "Delta"};
  const double xy[][2] = {{0, 900}, {800, 400},  {200, -700}, {-900, 100},
                          {0, 0},   {900, -500}, {-600, 800}, {-300, -600}};
  for (std::size_t r = 0; r < 8; ++r) info_.regions.push_back({regions[r], xy[r][0], xy[r][1], 30.0});
  info_.industries = {"electronics", "appliances", "machinery", "textiles"};
  const char* levels[] = {"regional", "industry", "industry", "enterprise"};
  for (std::size_t p = 0; p < 4; ++p)
    frame_.platforms.push_back({"platform " + std::string(1, static_cast<char>('A' + p)), levels[p],
                                static_cast<std::int32_t>(p * 2), -1, 0, true});
  const auto u = [&](std::uint64_t i, std::uint64_t salt) {
    return id_hash01(static_cast<std::int64_t>(i), salt + seed * 1000);
  };
  for (std::size_t i = 0; i < nodes; ++i) {
    ViewNode n;
    n.id = static_cast<std::int64_t>(i);
    n.region = static_cast<std::int32_t>(u(i, 1) * 8);
    n.industry = static_cast<std::int32_t>(u(i, 2) * 4);
    n.stage = "assembly";
    n.employees = 5.0 / std::max(1e-3, 1.0 - u(i, 3) * 0.999);  // Zipf-like tail
    n.chain_master = u(i, 4) < 0.01;
    if (u(i, 5) < 0.5) n.platforms |= 1u << static_cast<unsigned>(u(i, 6) * 4);
    if (u(i, 7) < 0.1) n.platforms |= 1u << static_cast<unsigned>(u(i, 8) * 4.0);
    n.adopted = n.platforms != 0 || u(i, 9) < 0.2;
    frame_.nodes.push_back(std::move(n));
  }
  for (std::size_t e = 0; e < edges && nodes > 1; ++e) {
    const auto a = static_cast<std::uint32_t>(u(e, 11) * static_cast<double>(nodes));
    auto b = static_cast<std::uint32_t>(u(e, 12) * static_cast<double>(nodes));
    const double kind = u(e, 13);
    // Mostly local ties: pick a partner in the same region by scanning forward.
    if (kind < 0.6)
      for (std::size_t k = 0; k < 64 && frame_.nodes[b].region != frame_.nodes[a].region; ++k)
        b = static_cast<std::uint32_t>((b + 1) % nodes);
    if (a == b) b = (b + 1) % static_cast<std::uint32_t>(nodes);
    const bool platform = kind > 0.85 && frame_.nodes[a].platforms && frame_.nodes[b].platforms;
    frame_.edges.push_back(
        {a, b, classify_edge(frame_.nodes[a].region, frame_.nodes[b].region, platform), true});
  }
  for (auto& p : frame_.platforms) p.members = 0;
  for (const auto& n : frame_.nodes)
    for (std::size_t p = 0; p < 4; ++p)
      if ((n.platforms >> p) & 1u) ++frame_.platforms[p].members;
  for (std::int32_t t = 1; t <= ticks; ++t) {
    const double x = static_cast<double>(t);
    KpiRow k;
    k.tick = t;
    k.firms = static_cast<double>(nodes);
    k.output = 1e9 * (1.0 + 0.003 * x);
    k.adoption_share = 1.0 / (1.0 + std::exp(-(x - 60.0) / 10.0));  // an S-curve
    k.cross_region_tie_share = 0.1 + 0.3 * k.adoption_share;
    k.stage = t < 40 ? "platform dominance" : t < 80 ? "community operation" : "globalization";
    k.platform_stage = t < 50 ? "1.0 islands" : t < 90 ? "2.0 interconnection" : "3.0 ecosystem";
    kpis_.push_back(std::move(k));
  }
  frame_.tick = 1;
  frame_.network_tick = 1;
}

bool SyntheticSource::seek(std::int32_t tick) {
  tick = std::clamp(tick, 1, info_.ticks);
  if (tick == frame_.tick) return false;
  frame_.tick = tick;
  frame_.network_tick = 1;
  return true;
}

}  // namespace vicsim::viz
