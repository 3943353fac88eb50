#pragma once
/** @file Whole-network statistics on the undirected simple graph of alive firms, computed with
 * Boost.Graph. Definitions match networkx: density 2m/(n(n−1)); average clustering with degree<2
 * nodes counted as 0; giant component = largest connected component / n. */
#include <boost/graph/adjacency_list.hpp>
#include <vector>

#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief Undirected view of the supply network restricted to alive firms, with compact indices. */
struct UndirectedSnapshot {
  // setS out-edges: O(log d) edge look-ups in clustering_coefficient and no parallel edges.
  using Graph = boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS>;
  Graph graph;
  std::vector<FirmIndex> firm_of;  ///< compact vertex → firm slot
};

/** @brief Builds the undirected snapshot of alive firms and their ties. */
UndirectedSnapshot undirected_snapshot(const World& w);

/** @brief Density, clustering and components of a network. */
struct NetworkStats {
  double nodes = 0, edges = 0;
  double density = 0;
  double mean_degree = 0;
  double average_clustering = 0;  ///< mean local clustering coefficient (networkx average_clustering)
  double giant_component_share = 0;
  double components = 0;
};

/** @brief Computes NetworkStats with Boost.Graph's connected_components and clustering_coefficient. */
NetworkStats network_stats(const UndirectedSnapshot& s);

}  // namespace vicsim::sim
