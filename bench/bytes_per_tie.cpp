// Heap bytes per tie (docs/PERFORMANCE.md, tiestore): the former adjacency_list<vecS, vecS, bidirectionalS,
// no_property, Tie> against sim::SupplyGraph, 100,000 firms and 350,000 random ties (3.5 per firm, as the
// 100k bench ends), before and after compaction. Not part of the build; after building vicsim:
//   g++ -std=c++20 -O2 -I. bench/bytes_per_tie.cpp build/sim/libvicsim_sim.a -o /tmp/bpt && /tmp/bpt
#include <malloc.h>

#include <boost/graph/adjacency_list.hpp>
#include <cstdio>

#include "sim/rng.hpp"
#include "sim/supply_network.hpp"
#include "sim/tie_compaction.hpp"
using namespace vicsim::sim;
using Old = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, Tie>;
static size_t heap() { return mallinfo2().uordblks + mallinfo2().hblkhd; }
/** Builds G with n vertices and m random tie attempts, prints its heap bytes per tie and per vertex, and
 * then runs `after` on it (heap before the ties are added is passed along). */
template <class G, class After>
void measure(const char* name, size_t n, size_t m, After after) {
  const size_t h0 = heap();
  G g(n);
  const size_t h1 = heap();
  Rng rng(3, Stream::NetworkSample, 0, 0);
  for (size_t k = 0; k < m; ++k) {
    auto s = rng.below(n), t = rng.below(n);
    if (s != t) boost::add_edge(s, t, Tie{}, g);
  }
  const size_t h2 = heap();
  std::printf("%s: %zu ties, %.1f B/tie (incl. vector slack), vertices %.1f B/firm\n", name,
              boost::num_edges(g), double(h2 - h1) / boost::num_edges(g), double(h1 - h0) / n);
  after(g, h1);
}

int main() {
  const size_t n = 100000, m = 350000;
  measure<Old>("adjacency_list", n, m, [](Old&, size_t) {});
  measure<SupplyGraph>("SupplyGraph", n, m, [](SupplyGraph& g, size_t h1) {
    g.compact();
    std::printf("SupplyGraph after compaction: %.1f B/tie; heap_bytes() %.1f B/tie incl. vertices\n",
                double(heap() - h1) / boost::num_edges(g), double(g.heap_bytes()) / boost::num_edges(g));
  });
}
