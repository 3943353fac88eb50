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
template <class G>
void fill(G& g, size_t n, size_t m) {
  Rng rng(3, Stream::NetworkSample, 0, 0);
  for (size_t k = 0; k < m; ++k) {
    auto s = rng.below(n), t = rng.below(n);
    if (s != t) boost::add_edge(s, t, Tie{}, g);
  }
}
int main() {
  const size_t n = 100000, m = 350000;
  {
    size_t h0 = heap();
    Old g(n);
    size_t h1 = heap();
    fill(g, n, m);
    size_t h2 = heap();
    std::printf("adjacency_list: %zu ties, %.1f B/tie (incl. vector slack), vertices %.1f B/firm\n",
                boost::num_edges(g), double(h2 - h1) / boost::num_edges(g), double(h1 - h0) / n);
  }
  {
    size_t h0 = heap();
    SupplyGraph g(n);
    size_t h1 = heap();
    fill(g, n, m);
    size_t h2 = heap();
    std::printf("SupplyGraph: %zu ties, %.1f B/tie (incl. vector slack), vertices %.1f B/firm\n",
                boost::num_edges(g), double(h2 - h1) / boost::num_edges(g), double(h1 - h0) / n);
    g.compact();
    size_t h3 = heap();
    std::printf("SupplyGraph after compaction: %.1f B/tie; heap_bytes() %.1f B/tie incl. vertices\n",
                double(h3 - h1) / boost::num_edges(g), double(g.heap_bytes()) / boost::num_edges(g));
  }
}
