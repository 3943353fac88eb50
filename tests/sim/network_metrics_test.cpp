#include "sim/network_metrics.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::sim;

TEST_CASE("network_metrics: triangle with a pendant matches networkx", "[sim]") {
  World w;
  for (int i = 0; i < 5; ++i) w.add_firm();
  w.firms.alive[4] = 0;  // an exited firm is not in the snapshot
  boost::add_edge(0, 1, Tie{}, w.network);
  boost::add_edge(1, 2, Tie{}, w.network);
  boost::add_edge(0, 2, Tie{}, w.network);
  boost::add_edge(2, 3, Tie{}, w.network);
  boost::add_edge(3, 4, Tie{}, w.network);
  const auto s = network_stats(undirected_snapshot(w));
  CHECK(s.nodes == 4);
  CHECK(s.edges == 4);
  CHECK(s.density == Approx(4.0 / 6.0));
  // networkx: average_clustering = (1 + 1 + 1/3 + 0) / 4
  CHECK(s.average_clustering == Approx((1.0 + 1.0 + 1.0 / 3.0) / 4.0));
  CHECK(s.giant_component_share == Approx(1.0));
  CHECK(s.components == 1);
}
