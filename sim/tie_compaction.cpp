#include "sim/tie_compaction.hpp"

#include <iterator>
#include <type_traits>
#include <vector>

namespace vicsim::sim {

void compact_ties(SupplyGraph& g) {
  using EdgeList = std::decay_t<decltype(g.m_edges)>;
  using Stored = std::decay_t<decltype(g.out_edge_list(0))>::value_type;
  const auto n = boost::num_vertices(g);
  SupplyGraph fresh(n);
  // Exact capacities first, in firm order, so no incidence array is reallocated while the ties are added.
  for (std::size_t v = 0; v < n; ++v) {
    fresh.out_edge_list(v).reserve(boost::out_degree(v, g));
    boost::in_edge_list(fresh, v).reserve(boost::in_degree(v, g));
  }
  // The tie records are allocated in customer order (each firm's in-ties one after another, firms in index
  // order): most of the model's tie loops walk a customer's in-ties, firm after firm. Each copy's new
  // position replaces the old record's source, which nothing reads any more (the incidence lists keep their
  // own copy of the partner), so the three orders below are found without a search.
  EdgeList pool;
  std::vector<EdgeList::iterator> moved;
  moved.reserve(boost::num_edges(g));
  for (std::size_t v = 0; v < n; ++v)
    for (const Stored& in : boost::in_edge_list(g, v)) {
      const auto old = in.get_iter();
      pool.push_back(*old);
      old->m_source = moved.size();
      moved.push_back(std::prev(pool.end()));
    }
  // The edge list and every incidence list keep their order: the records are spliced (not copied) into
  // the edge list's order, and each incidence entry points at its record's new place.
  for (auto& old : g.m_edges) fresh.m_edges.splice(fresh.m_edges.end(), pool, moved[old.m_source]);
  for (std::size_t v = 0; v < n; ++v) {
    for (const Stored& out : g.out_edge_list(v))
      fresh.out_edge_list(v).emplace_back(out.get_target(), moved[out.get_iter()->m_source]);
    for (const Stored& in : boost::in_edge_list(g, v))
      boost::in_edge_list(fresh, v).emplace_back(in.get_target(), moved[in.get_iter()->m_source]);
  }
  // adjacency_list::swap copies the graph three times; swapping the two containers moves nothing, and the
  // incidence lists' iterators stay valid (std::list and std::vector swap keep their elements in place).
  g.m_edges.swap(fresh.m_edges);
  g.m_vertices.swap(fresh.m_vertices);
}

}  // namespace vicsim::sim
