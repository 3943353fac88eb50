#pragma once
/** @file Whole-network statistics on the undirected simple graph of alive firms, computed on a compact
 * CSR (compressed sparse row) graph rebuilt every tick into reused buffers. Definitions match networkx:
 * density 2m/(n(n−1)); average clustering with degree<2 nodes counted as 0; giant component = largest
 * connected component / n. Above kExactClusteringMaxNodes alive firms the average clustering is an
 * unbiased estimate from a deterministic sample of firms, reported with its standard error. */
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief Alive firms up to which the average clustering is exact (networkx's value); above it, sampled. */
inline constexpr std::size_t kExactClusteringMaxNodes = 200'000;
/** @brief Firms drawn (uniformly, with replacement) for the sampled clustering estimate. */
inline constexpr std::size_t kClusteringSampleSize = 20'000;

/** @brief Undirected simple graph of the alive firms and their ties, with compact vertex indices in
 * firm-slot order. Neighbour lists are sorted and free of duplicates and self-loops. */
struct UndirectedSnapshot {
  std::vector<FirmIndex> firm_of;       ///< compact vertex → firm slot
  std::vector<std::uint32_t> vertex;    ///< firm slot → compact vertex, or kNoVertex for exited firms
  std::vector<std::uint64_t> offset;    ///< CSR row starts, size num_vertices()+1
  std::vector<std::uint32_t> adjacent;  ///< CSR neighbour lists (each edge stored in both directions)
  static constexpr std::uint32_t kNoVertex = 0xFFFFFFFFu;

  /** @brief Alive firms. */
  std::size_t num_vertices() const { return firm_of.size(); }
  /** @brief Undirected ties between alive firms (a pair tied both ways or by two kinds counts once). */
  std::size_t num_edges() const { return adjacent.size() / 2; }
  /** @brief Degree of compact vertex v. */
  std::size_t degree(std::size_t v) const { return offset[v + 1] - offset[v]; }
  /** @brief Sorted neighbours of compact vertex v. */
  std::span<const std::uint32_t> neighbours(std::size_t v) const {
    return {adjacent.data() + offset[v], adjacent.data() + offset[v + 1]};
  }
};

/** @brief Rebuilds `s` from the world, in its own arrays (their capacity is reused; no other scratch). */
void build_undirected_snapshot(const World& w, UndirectedSnapshot& s, unsigned threads = 1);

/** @brief Builds a fresh undirected snapshot of alive firms and their ties. */
UndirectedSnapshot undirected_snapshot(const World& w);

/** @brief Density, clustering and components of a network. */
struct NetworkStats {
  double nodes = 0, edges = 0;
  double density = 0;
  double mean_degree = 0;
  double average_clustering = 0;  ///< mean local clustering coefficient (networkx average_clustering)
  double clustering_se = 0;       ///< standard error of average_clustering: 0 when exact, >0 when sampled
  double giant_component_share = 0;
  double components = 0;
};

/** @brief How network_stats computes clustering, and the key of its sample. */
struct NetworkStatsOptions {
  std::uint64_t seed = 1;                                  ///< master seed (the sample's counter-RNG key)
  std::int32_t tick = 0;                                   ///< tick (the sample's counter-RNG key)
  unsigned threads = 1;                                    ///< worker threads; results do not depend on it
  std::size_t exact_max_nodes = kExactClusteringMaxNodes;  ///< above this many vertices, sample
  std::size_t sample_size = kClusteringSampleSize;         ///< vertices drawn when sampling
};

/** @brief Buffers network_stats reuses from tick to tick. */
struct NetworkScratch {
  std::vector<std::uint32_t> parent, size;    // union–find
  std::vector<std::uint64_t> forward_offset;  // degree-ordered forward adjacency (triangle counting)
  std::vector<std::uint32_t> forward;
  std::vector<std::vector<std::uint64_t>> triangles;  // per worker: triangles at each vertex
  std::vector<std::vector<std::uint32_t>> mark;       // per worker: neighbour stamps (sampling)
  std::vector<double> partial;                        // per fixed chunk: partial sums
};

/**
 * @brief Computes NetworkStats. Components by union–find; clustering exactly by triangle counting on the
 * degree-ordered forward adjacency with merge intersection (O(m^1.5)), or, above opt.exact_max_nodes
 * vertices, as the mean local clustering of opt.sample_size vertices drawn uniformly with replacement from
 * the counter RNG keyed (seed, Stream::NetworkSample, draw, tick), with its standard error.
 */
NetworkStats network_stats(const UndirectedSnapshot& s, const NetworkStatsOptions& opt,
                           NetworkScratch& scratch);

/** @brief network_stats with default options and fresh buffers. */
NetworkStats network_stats(const UndirectedSnapshot& s);

}  // namespace vicsim::sim
