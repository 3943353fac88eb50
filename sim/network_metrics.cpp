#include "sim/network_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "sim/parallel_for.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/rng.hpp"

namespace vicsim::sim {

namespace {

/** Vertices per chunk of the parallel loops: fixed, so partial sums combine the same way for any threads. */
constexpr std::size_t kChunk = 2048;

/** Exclusive prefix sum in place: x[0..n] holds counts in x[1..n] on entry, row starts on exit. */
void prefix_sum(std::vector<std::uint64_t>& x) {
  for (std::size_t i = 1; i < x.size(); ++i) x[i] += x[i - 1];
}

/** Neighbours w of v that come after v in the (degree, index) order: each triangle is found once, from
 * its lowest-ordered vertex, and no vertex has more than O(√m) forward neighbours. */
bool after(const UndirectedSnapshot& s, std::uint32_t v, std::uint32_t w) {
  const auto dv = s.degree(v), dw = s.degree(w);
  return dv < dw || (dv == dw && v < w);
}

/** Ties between the neighbours of v, each counted twice (the numerator of 2T/(d(d−1)) times 2). */
std::uint64_t neighbour_links_twice(const UndirectedSnapshot& s, std::uint32_t v,
                                    std::vector<std::uint32_t>& mark, std::uint32_t stamp) {
  const auto nv = s.neighbours(v);
  for (auto u : nv) mark[u] = stamp;
  std::uint64_t links = 0;
  for (auto u : nv) {
    const auto nu = s.neighbours(u);
    if (nu.size() <= nv.size()) {
      for (auto w : nu) links += mark[w] == stamp;
    } else {  // a hub neighbour: look v's neighbours up in its list instead of scanning it
      for (auto w : nv) links += std::binary_search(nu.begin(), nu.end(), w);
    }
  }
  return links;
}

}  // namespace

/** How many vertices ahead the snapshot starts loading a firm's arc lists (prefetch_arc_lists). */
constexpr std::size_t kListsAhead = 4;

void build_undirected_snapshot(const World& w, UndirectedSnapshot& s, unsigned threads) {
  const Firms& f = w.firms;
  s.firm_of.clear();
  s.vertex.assign(f.size(), UndirectedSnapshot::kNoVertex);
  for (FirmIndex i = 0; i < f.size(); ++i)
    if (f.alive[i]) {
      s.vertex[i] = static_cast<std::uint32_t>(s.firm_of.size());
      s.firm_of.push_back(i);
    }
  const std::size_t n = s.firm_of.size();
  // Pass 1: each vertex's in- and out-ties into its own upper-bound segment of `adjacent` itself (offset
  // first holds the segments' starts), sorted and deduplicated in place; a segment left with fewer
  // neighbours ends with kNoVertex. No scratch: a staging array and an upper-bound array as large as
  // `adjacent` and `offset` (32 MB at 1M firms) were two more buffers to fault in every month, and a copy
  // (docs/PERFORMANCE.md, session 45).
  s.offset.assign(n + 1, 0);
  for (std::size_t v = 0; v < n; ++v)
    s.offset[v + 1] = boost::out_degree(s.firm_of[v], w.network) + boost::in_degree(s.firm_of[v], w.network);
  prefix_sum(s.offset);
  s.adjacent.resize(s.offset[n]);
  parallel_chunks(chunk_count(n, kChunk), threads, [&](std::size_t k, std::size_t) {
    for (std::size_t v = k * kChunk; v < std::min(n, (k + 1) * kChunk); ++v) {
      const FirmIndex i = s.firm_of[v];
      if (v + kListsAhead < n) prefetch_arc_lists(w.network, s.firm_of[v + kListsAhead]);  // own allocations
      std::uint32_t* seg = s.adjacent.data() + s.offset[v];
      std::size_t d = 0;
      auto add = [&](FirmIndex j) {
        const auto u = s.vertex[j];
        if (u != UndirectedSnapshot::kNoVertex && j != i) seg[d++] = u;
      };
      for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e)
        add(static_cast<FirmIndex>(boost::target(*e, w.network)));
      for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e)
        add(static_cast<FirmIndex>(boost::source(*e, w.network)));
      std::sort(seg, seg + d);
      d = static_cast<std::size_t>(std::unique(seg, seg + d) - seg);
      if (d < s.offset[v + 1] - s.offset[v]) seg[d] = UndirectedSnapshot::kNoVertex;
    }
  });
  // Pass 2: the segments moved down, in order, to their rows (sequential: a row may start in the segment
  // before its own).
  std::uint64_t row = 0, from = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint64_t to = s.offset[v + 1];  // the segment is [from, to)
    std::uint64_t d = 0;
    while (from + d < to && s.adjacent[from + d] != UndirectedSnapshot::kNoVertex) ++d;
    if (row != from)
      std::memmove(s.adjacent.data() + row, s.adjacent.data() + from, d * sizeof(std::uint32_t));
    s.offset[v] = row;
    row += d;
    from = to;
  }
  s.offset[n] = row;
  s.adjacent.resize(row);
}

UndirectedSnapshot undirected_snapshot(const World& w) {
  UndirectedSnapshot s;
  build_undirected_snapshot(w, s);
  return s;
}

NetworkStats network_stats(const UndirectedSnapshot& s, const NetworkStatsOptions& opt, NetworkScratch& x) {
  NetworkStats r;
  const std::size_t n = s.num_vertices();
  const double m = static_cast<double>(s.num_edges());
  r.nodes = static_cast<double>(n);
  r.edges = m;
  if (n == 0) return r;
  r.density = n > 1 ? 2.0 * m / (r.nodes * (r.nodes - 1.0)) : 0.0;
  r.mean_degree = 2.0 * m / r.nodes;

  // Components: union–find with union by size and path halving, then count roots.
  x.parent.resize(n);
  x.size.assign(n, 1);
  for (std::uint32_t v = 0; v < n; ++v) x.parent[v] = v;
  auto find = [&](std::uint32_t v) {
    while (x.parent[v] != v) v = x.parent[v] = x.parent[x.parent[v]];
    return v;
  };
  for (std::uint32_t v = 0; v < n; ++v)
    for (auto u : s.neighbours(v)) {
      if (u <= v) continue;
      auto a = find(v), b = find(u);
      if (a == b) continue;
      if (x.size[a] < x.size[b]) std::swap(a, b);
      x.parent[b] = a;
      x.size[a] += x.size[b];
    }
  std::size_t roots = 0, giant = 0;
  for (std::uint32_t v = 0; v < n; ++v)
    if (x.parent[v] == v) {
      ++roots;
      giant = std::max<std::size_t>(giant, x.size[v]);
    }
  r.components = static_cast<double>(roots);
  r.giant_component_share = static_cast<double>(giant) / r.nodes;

  const std::size_t workers = std::max(1u, opt.threads);
  if (n > opt.exact_max_nodes && opt.sample_size >= 2) {
    // Sampled: the mean local clustering of uniformly drawn vertices is unbiased for the average.
    const std::size_t k = opt.sample_size;
    x.mark.resize(workers);
    for (auto& mk : x.mark) mk.assign(n, 0);
    x.partial.resize(k);
    parallel_chunks(chunk_count(k, 256), opt.threads, [&](std::size_t c, std::size_t wk) {
      for (std::size_t j = c * 256; j < std::min(k, (c + 1) * 256); ++j) {
        Rng rng(opt.seed, Stream::NetworkSample, j, static_cast<std::uint64_t>(opt.tick));
        const auto v = static_cast<std::uint32_t>(rng.below(n));
        const double d = static_cast<double>(s.degree(v));
        x.partial[j] = d < 2 ? 0.0
                             : static_cast<double>(neighbour_links_twice(s, v, x.mark[wk],
                                                                         static_cast<std::uint32_t>(j + 1))) /
                                   (d * (d - 1.0));
      }
    });
    double sum = 0.0, sq = 0.0;
    for (std::size_t j = 0; j < k; ++j) sum += x.partial[j];
    const double mean = sum / static_cast<double>(k);
    for (std::size_t j = 0; j < k; ++j) sq += (x.partial[j] - mean) * (x.partial[j] - mean);
    r.average_clustering = mean;
    r.clustering_se = std::sqrt(sq / static_cast<double>(k - 1) / static_cast<double>(k));
    return r;
  }

  // Exact: count each triangle once on the forward adjacency (neighbours later in degree order), merging
  // two sorted forward lists, and credit it to its three vertices.
  const std::size_t chunks = chunk_count(n, kChunk);
  x.forward_offset.assign(n + 1, 0);
  parallel_chunks(chunks, opt.threads, [&](std::size_t c, std::size_t) {
    for (std::size_t v = c * kChunk; v < std::min(n, (c + 1) * kChunk); ++v) {
      std::uint64_t d = 0;
      for (auto u : s.neighbours(v)) d += after(s, static_cast<std::uint32_t>(v), u);
      x.forward_offset[v + 1] = d;
    }
  });
  prefix_sum(x.forward_offset);
  x.forward.resize(x.forward_offset[n]);
  parallel_chunks(chunks, opt.threads, [&](std::size_t c, std::size_t) {
    for (std::size_t v = c * kChunk; v < std::min(n, (c + 1) * kChunk); ++v) {
      auto* out = x.forward.data() + x.forward_offset[v];
      for (auto u : s.neighbours(v))
        if (after(s, static_cast<std::uint32_t>(v), u)) *out++ = u;
    }
  });
  auto fwd = [&](std::size_t v) {
    return std::span<const std::uint32_t>(x.forward.data() + x.forward_offset[v],
                                          x.forward.data() + x.forward_offset[v + 1]);
  };
  x.triangles.resize(workers);
  for (auto& t : x.triangles) t.assign(n, 0);
  parallel_chunks(chunks, opt.threads, [&](std::size_t c, std::size_t wk) {
    auto& t = x.triangles[wk];
    for (std::size_t v = c * kChunk; v < std::min(n, (c + 1) * kChunk); ++v) {
      const auto fv = fwd(v);
      for (auto u : fv) {
        const auto fu = fwd(u);
        auto a = fv.begin(), b = fu.begin();
        while (a != fv.end() && b != fu.end()) {
          if (*a < *b) {
            ++a;
          } else if (*b < *a) {
            ++b;
          } else {
            ++t[v];
            ++t[u];
            ++t[*a];
            ++a;
            ++b;
          }
        }
      }
    }
  });
  // Integer counts add up the same in any order; the per-chunk sums of doubles are combined in chunk order.
  x.partial.assign(chunks, 0.0);
  parallel_chunks(chunks, opt.threads, [&](std::size_t c, std::size_t) {
    double sum = 0.0;
    for (std::size_t v = c * kChunk; v < std::min(n, (c + 1) * kChunk); ++v) {
      std::uint64_t tv = 0;
      for (const auto& t : x.triangles) tv += t[v];
      const double d = static_cast<double>(s.degree(v));
      if (d >= 2) sum += 2.0 * static_cast<double>(tv) / (d * (d - 1.0));
    }
    x.partial[c] = sum;
  });
  double total = 0.0;
  for (double p : x.partial) total += p;
  r.average_clustering = total / r.nodes;
  return r;
}

NetworkStats network_stats(const UndirectedSnapshot& s) {
  NetworkScratch scratch;
  return network_stats(s, NetworkStatsOptions{}, scratch);
}

}  // namespace vicsim::sim
