#include "sim/network_metrics.hpp"

#include <algorithm>
#include <boost/graph/clustering_coefficient.hpp>
#include <boost/graph/connected_components.hpp>

namespace vicsim::sim {

UndirectedSnapshot undirected_snapshot(const World& w) {
  UndirectedSnapshot s;
  std::vector<std::int64_t> compact(w.firms.size(), -1);
  for (FirmIndex i = 0; i < w.firms.size(); ++i)
    if (w.firms.alive[i]) {
      compact[i] = static_cast<std::int64_t>(s.firm_of.size());
      s.firm_of.push_back(i);
    }
  s.graph = UndirectedSnapshot::Graph(s.firm_of.size());
  for (auto [e, end] = boost::edges(w.network); e != end; ++e) {
    const auto a = compact[boost::source(*e, w.network)], b = compact[boost::target(*e, w.network)];
    if (a >= 0 && b >= 0) boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), s.graph);
  }
  return s;
}

NetworkStats network_stats(const UndirectedSnapshot& s) {
  NetworkStats r;
  const auto& g = s.graph;
  const double n = static_cast<double>(boost::num_vertices(g));
  const double m = static_cast<double>(boost::num_edges(g));
  r.nodes = n;
  r.edges = m;
  if (n == 0) return r;
  r.density = n > 1 ? 2.0 * m / (n * (n - 1.0)) : 0.0;
  r.mean_degree = 2.0 * m / n;

  std::vector<int> comp(boost::num_vertices(g));
  const int k = boost::connected_components(g, comp.data());
  std::vector<std::size_t> sizes(static_cast<std::size_t>(k), 0);
  for (int c : comp) ++sizes[static_cast<std::size_t>(c)];
  r.components = k;
  r.giant_component_share = static_cast<double>(*std::max_element(sizes.begin(), sizes.end())) / n;

  double total = 0.0;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) total += boost::clustering_coefficient(g, *v);
  r.average_clustering = total / n;
  return r;
}

}  // namespace vicsim::sim
