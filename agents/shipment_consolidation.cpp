#include "agents/shipment_consolidation.hpp"

#include <algorithm>
#include <stdexcept>

#include "agents/model_context.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/refill.hpp"

namespace vicsim::agents {

namespace {
/** Lead times are calendar days; a tick is a month. */
constexpr double kDaysPerMonth = 365.0 / 12.0;
/** Rounds of the pool's fixed point: the pool only shrinks as users who do not gain leave it, and a few
 * rounds settle it (a tie that leaves lowers the others' gain only through its own flow). */
constexpr int kPoolRounds = 4;

/** The platform of tie t if it offers shared logistics and is alive, else -1. */
std::ptrdiff_t logistics_platform(const ModelContext& c, const sim::Tie& t) {
  if (t.channel != sim::TieChannel::Platform || t.platform >= c.world.platforms.size()) return -1;
  const sim::Platform& pl = c.world.platforms[t.platform];
  return pl.alive && pl.services.logistics ? static_cast<std::ptrdiff_t>(t.platform) : -1;
}

/** The availability of tie t's logistics platform this month (7.18), 0 when it has none. */
double pool_availability(const ModelContext& c, std::ptrdiff_t p) {
  return p >= 0 ? c.world.platforms[static_cast<std::size_t>(p)].availability() : 0.0;
}

/** The choice given the two lanes' flows and the pooling platform's availability a (0: none): a pooled
 * shipment makes the pool's load with chance a and otherwise waits as on its own lane (7.60); pooled if the
 * lead-time value of the expected days saved exceeds the fee. */
Shipping choose(const ModelParams& mp, double own_flow, double pool_flow, double a) {
  const double own = consolidation_wait_days(mp.trade, own_flow);
  if (a <= 0.0) return {false, own, 0.0};
  const double pooled = a * consolidation_wait_days(mp.trade, pool_flow) + (1.0 - a) * own;
  const double fee = mp.services.logistics_fee;
  if (mp.trade.lead_time_cost_per_day * (own - pooled) > fee) return {true, pooled, fee};
  return {false, own, 0.0};
}
}  // namespace

double consolidation_wait_days(const TradeParams& p, double flow_yuan_per_day) {
  const double cycle = flow_yuan_per_day > 0.0
                           ? std::min(p.load_value_yuan / flow_yuan_per_day, p.max_hold_days)
                           : p.max_hold_days;
  return 0.5 * cycle;
}

Shipping tie_shipping(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b) {
  const auto& f = c.world.firms;
  const std::size_t rs = sim::idx(f.region[t.supplier]), rb = sim::idx(f.region[b]);
  const std::ptrdiff_t p = logistics_platform(c, t);
  const auto& L = c.lanes;
  return choose(c.params, L.own_flow(t.supplier, rb),
                p >= 0 ? L.pool_flow(static_cast<std::size_t>(p), rs, rb) : 0.0, pool_availability(c, p));
}

void update_logistics_lanes(ModelContext& c) {
  const sim::World& w = c.world;
  const auto& f = w.firms;
  const auto& g = w.network;
  LogisticsLanes& L = c.lanes;
  L.regions = w.regions.size();
  L.platforms = w.platforms.size();
  if (L.regions > OwnLanes::kNoRegion)
    throw std::logic_error("update_logistics_lanes: more than 65534 regions");
  L.pool.assign(L.platforms * L.regions * L.regions, 0.0);
  // Shipments this tick: (supplier, origin, destination, platform offering logistics or -1, yuan per day).
  struct Shipment {
    std::uint32_t seq;
    std::size_t s, a, b;
    std::ptrdiff_t p;
    double flow;
  };
  // By supplier over its out-ties (a contiguous array per firm, not a pointer chase through the edge list).
  // A supplier's out-ties are in edge-list order, so each own flow (s, r) adds in the same order as an
  // edge-list walk; the pooled shipments mix suppliers and are put back in edge-list order (Tie::seq) below.
  // Suppliers run in parallel: each sums its flows per region in a row of its own, then stores the regions it
  // ships to (the first in place, the others in its chunk's list); the chunks are joined in supplier order,
  // the order of a sequential loop.
  const std::size_t n = boost::num_vertices(g);
  constexpr std::size_t kChunk = 1024;
  const std::size_t n_chunks = sim::chunk_count(n, kChunk);
  struct ChunkLanes {
    std::vector<Shipment> pooled;
    std::vector<MoreLane> more;
  };
  std::vector<ChunkLanes> chunk_lanes(n_chunks);
  sim::refill(L.own, n, OwnLanes{});
  sim::parallel_chunks(n_chunks, c.threads, [&](std::size_t chunk, std::size_t) {
    ChunkLanes& out = chunk_lanes[chunk];
    thread_local std::vector<double> row;
    thread_local std::vector<std::uint8_t> used;
    row.assign(L.regions, 0.0);
    used.assign(L.regions, 0);
    // At 100k firms the first read of each out-tie record missed the cache (perf: most of this loop's
    // samples, session 38), so the records of the supplier kAhead on start loading now.
    constexpr std::size_t kAhead = 2;
    const std::size_t last = std::min(n, (chunk + 1) * kChunk);
    for (std::size_t s = chunk * kChunk; s < last; ++s) {
      sim::prefetch_out_ties_in_index_order(g, s, last, kAhead);
      if (!f.alive[s]) continue;
      const std::size_t a = sim::idx(f.region[s]);
      const double price = f.price[s];
      for (auto [e, end] = boost::out_edges(s, g); e != end; ++e) {
        const sim::Tie& t = g[*e];
        const auto b = static_cast<sim::FirmIndex>(boost::target(*e, g));
        if (!t.is_supply() || !f.alive[b] || t.units <= 0.0) continue;
        const double flow = t.units * price / kDaysPerMonth;
        const std::size_t r = sim::idx(f.region[b]);
        row[r] += flow;
        used[r] = 1;
        if (const auto p = logistics_platform(c, t); p >= 0) out.pooled.push_back({t.seq, s, a, r, p, flow});
      }
      OwnLanes& o = L.own[s];
      for (std::size_t r = 0; r < L.regions; ++r) {
        if (!used[r]) continue;
        if (o.region == OwnLanes::kNoRegion) {
          o.region = static_cast<std::uint16_t>(r);
          o.value = row[r];
          o.more = static_cast<std::uint32_t>(out.more.size());  // chunk-local until joined
        } else {
          out.more.push_back({row[r], static_cast<std::uint16_t>(r)});
          ++o.more_count;
        }
        row[r] = 0.0;
        used[r] = 0;
      }
    }
  });
  L.more.clear();
  std::vector<Shipment> pooled;
  std::size_t n_pooled = 0;
  for (const ChunkLanes& cl : chunk_lanes) n_pooled += cl.pooled.size();
  pooled.reserve(n_pooled);  // one buffer, not one per doubling
  for (std::size_t chunk = 0; chunk < n_chunks; ++chunk) {
    ChunkLanes& cl = chunk_lanes[chunk];
    const auto base = static_cast<std::uint32_t>(L.more.size());
    for (std::size_t s = chunk * kChunk; s < std::min(n, (chunk + 1) * kChunk); ++s) L.own[s].more += base;
    L.more.insert(L.more.end(), cl.more.begin(), cl.more.end());
    pooled.insert(pooled.end(), cl.pooled.begin(), cl.pooled.end());
    cl = ChunkLanes{};
  }
  if (pooled.empty()) return;
  std::stable_sort(pooled.begin(), pooled.end(),
                   [](const Shipment& x, const Shipment& y) { return x.seq < y.seq; });
  // The pool is the flow of the ties that find it worth its fee at the pool's size: start from every
  // candidate and drop those that do not gain until the set settles.
  std::vector<double> next(L.pool.size(), 0.0);
  const auto key = [&](const Shipment& x) {
    return (static_cast<std::size_t>(x.p) * L.regions + x.a) * L.regions + x.b;
  };
  for (const auto& x : pooled) L.pool[key(x)] += x.flow;
  for (int round = 0; round < kPoolRounds; ++round) {
    std::fill(next.begin(), next.end(), 0.0);
    for (const auto& x : pooled)
      if (choose(c.params, L.own_flow(x.s, x.b), L.pool[key(x)], pool_availability(c, x.p)).pooled)
        next[key(x)] += x.flow;
    if (next == L.pool) break;
    L.pool.swap(next);
  }
}

}  // namespace vicsim::agents
