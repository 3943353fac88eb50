#include "sim/tie_compaction.hpp"

namespace vicsim::sim {

void compact_ties(SupplyGraph& g) {
  const auto n = boost::num_vertices(g);
  SupplyGraph fresh(n);
  // Exact capacities first, in firm order, so no incidence array is reallocated while the ties are added.
  for (std::size_t v = 0; v < n; ++v) {
    fresh.out_edge_list(v).reserve(boost::out_degree(v, g));
    boost::in_edge_list(fresh, v).reserve(boost::in_degree(v, g));
  }
  // Adding the ties in edge-list order keeps every incidence list in its order too: each is the
  // subsequence of the edge list (ties are appended to all three and erased from all three, in order).
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    boost::add_edge(boost::source(*e, g), boost::target(*e, g), g[*e], fresh);
  // adjacency_list::swap copies the graph three times; swapping the two containers moves nothing, and the
  // incidence lists' iterators stay valid (std::list and std::vector swap keep their elements in place).
  g.m_edges.swap(fresh.m_edges);
  g.m_vertices.swap(fresh.m_vertices);
}

}  // namespace vicsim::sim
