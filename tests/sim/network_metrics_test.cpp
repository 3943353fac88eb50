#include "sim/network_metrics.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/clustering_coefficient.hpp>
#include <boost/graph/connected_components.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "sim/rng.hpp"

using namespace vicsim::sim;

namespace {

/** A random network with hubs (preferential attachment plus local triangles), ties both ways, a
 * collaboration and a supply tie on the same pair, and exited firms, so every path of the snapshot runs. */
World random_world(std::size_t n, std::uint64_t seed) {
  World w;
  for (std::size_t i = 0; i < n; ++i) w.add_firm();
  std::vector<FirmIndex> ends;  // each tie's endpoints: drawing from it is degree-proportional
  auto tie = [&](FirmIndex a, FirmIndex b) {
    if (a == b || boost::edge(a, b, w.network).second) return;
    boost::add_edge(a, b, Tie{}, w.network);
    ends.push_back(a);
    ends.push_back(b);
  };
  for (FirmIndex i = 1; i < n; ++i) {
    Rng rng(seed, Stream::InitialTies, i, 0);
    for (int k = 0; k < 3; ++k) {
      const auto j = ends.empty() || rng.uniform() < 0.3 ? static_cast<FirmIndex>(rng.below(i))
                                                         : ends[rng.below(ends.size())];
      tie(j, i);
      if (rng.uniform() < 0.2) tie(i, j);  // the reverse tie too: one undirected edge
      const auto dj = boost::out_degree(j, w.network);
      if (dj > 0 && rng.uniform() < 0.5) {  // triadic closure: also tie to one of j's partners
        auto e = boost::out_edges(j, w.network).first;
        std::advance(e, static_cast<std::ptrdiff_t>(rng.below(dj)));
        tie(i, static_cast<FirmIndex>(boost::target(*e, w.network)));
      }
    }
  }
  for (FirmIndex i = 0; i < n; i += 7) w.firms.alive[i] = 0;
  return w;
}

/** The previous implementation: Boost.Graph on a setS adjacency_list (what networkx also gives). */
NetworkStats boost_stats(const World& w) {
  using G = boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS>;
  std::vector<std::int64_t> compact(w.firms.size(), -1);
  std::size_t n = 0;
  for (FirmIndex i = 0; i < w.firms.size(); ++i)
    if (w.firms.alive[i]) compact[i] = static_cast<std::int64_t>(n++);
  G g(n);
  for (auto [e, end] = boost::edges(w.network); e != end; ++e) {
    const auto a = compact[boost::source(*e, w.network)], b = compact[boost::target(*e, w.network)];
    if (a >= 0 && b >= 0) boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), g);
  }
  NetworkStats r;
  r.nodes = static_cast<double>(n);
  r.edges = static_cast<double>(boost::num_edges(g));
  std::vector<int> comp(n);
  const int k = boost::connected_components(g, comp.data());
  std::vector<std::size_t> sizes(static_cast<std::size_t>(k), 0);
  for (int c : comp) ++sizes[static_cast<std::size_t>(c)];
  r.components = k;
  r.giant_component_share = static_cast<double>(*std::max_element(sizes.begin(), sizes.end())) / r.nodes;
  double total = 0.0;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) total += boost::clustering_coefficient(g, *v);
  r.average_clustering = total / r.nodes;
  return r;
}

bool same_bytes(const NetworkStats& a, const NetworkStats& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("network_metrics: triangle with a pendant matches networkx", "[sim]") {
  World w;
  for (int i = 0; i < 5; ++i) w.add_firm();
  w.firms.alive[4] = 0;  // an exited firm is not in the snapshot
  boost::add_edge(0, 1, Tie{}, w.network);
  boost::add_edge(1, 2, Tie{}, w.network);
  boost::add_edge(0, 2, Tie{}, w.network);
  boost::add_edge(2, 0, Tie{}, w.network);  // tied both ways: still one undirected edge
  boost::add_edge(2, 3, Tie{}, w.network);
  boost::add_edge(3, 4, Tie{}, w.network);
  const auto snapshot = undirected_snapshot(w);
  const auto s = network_stats(snapshot);
  CHECK(s.nodes == 4);
  CHECK(s.edges == 4);
  CHECK(s.density == Approx(4.0 / 6.0));
  // networkx: average_clustering = (1 + 1 + 1/3 + 0) / 4
  CHECK(s.average_clustering == Approx((1.0 + 1.0 + 1.0 / 3.0) / 4.0));
  CHECK(s.clustering_se == 0.0);
  CHECK(s.giant_component_share == Approx(1.0));
  CHECK(s.components == 1);
  CHECK(snapshot.degree(2) == 3);
  CHECK(std::vector<std::uint32_t>(snapshot.neighbours(2).begin(), snapshot.neighbours(2).end()) ==
        std::vector<std::uint32_t>{0, 1, 3});
}

TEST_CASE("network_metrics: CSR statistics equal Boost.Graph's on a random network with hubs", "[sim]") {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const World w = random_world(3000, seed);
    const auto want = boost_stats(w);
    const auto got = network_stats(undirected_snapshot(w));
    CAPTURE(seed);
    CHECK(got.nodes == want.nodes);
    CHECK(got.edges == want.edges);
    CHECK(got.components == want.components);
    CHECK(got.giant_component_share == want.giant_component_share);
    CHECK(std::abs(got.average_clustering - want.average_clustering) < 1e-12);
    CHECK(got.average_clustering > 0.01);  // the random network does have triangles
  }
}

TEST_CASE("network_metrics: results are byte-identical for any thread count", "[sim]") {
  const World w = random_world(9000, 7);
  UndirectedSnapshot s1, s2;
  build_undirected_snapshot(w, s1, 1);
  build_undirected_snapshot(w, s2, 3);
  CHECK(s1.adjacent == s2.adjacent);
  CHECK(s1.offset == s2.offset);
  // Rebuilt in the arrays another network left (a larger one, then a smaller one), it is the fresh one.
  for (std::size_t other : {12000u, 3000u}) {
    UndirectedSnapshot reused;
    build_undirected_snapshot(random_world(other, 8), reused, 2);
    build_undirected_snapshot(w, reused, 2);
    CHECK(reused.adjacent == s1.adjacent);
    CHECK(reused.offset == s1.offset);
    CHECK(reused.vertex == s1.vertex);
    CHECK(reused.firm_of == s1.firm_of);
  }
  NetworkScratch x1, x2, x3;
  const auto exact1 = network_stats(s1, {7, 5, 1}, x1);
  CHECK(same_bytes(exact1, network_stats(s1, {7, 5, 2}, x2)));
  CHECK(same_bytes(exact1, network_stats(s1, {7, 5, 3}, x3)));
  NetworkStatsOptions sampled{7, 5, 1, 1000, 3000};
  const auto sampled1 = network_stats(s1, sampled, x1);
  sampled.threads = 2;
  CHECK(same_bytes(sampled1, network_stats(s1, sampled, x2)));
  // The reused buffers give the same answer as fresh ones.
  CHECK(same_bytes(exact1, network_stats(s1, {7, 5, 1}, x2)));
}

TEST_CASE("network_metrics: the sampled clustering estimate is unbiased within its standard error", "[sim]") {
  const World w = random_world(20000, 11);
  const auto s = undirected_snapshot(w);
  NetworkScratch x;
  const auto exact = network_stats(s, {11, 1, 1}, x);
  CHECK(exact.clustering_se == 0.0);
  // Above exact_max_nodes the estimate is used; the other statistics stay exact.
  const NetworkStatsOptions opt{11, 1, 2, 10000, 4000};
  const auto est = network_stats(s, opt, x);
  CHECK(est.clustering_se > 0.0);
  CHECK(est.clustering_se < 0.02);
  CHECK(std::abs(est.average_clustering - exact.average_clustering) < 4.0 * est.clustering_se);
  CHECK(est.components == exact.components);
  CHECK(est.giant_component_share == exact.giant_component_share);
  // Over many ticks (independent samples), the mean error shrinks like SE/√ticks: no bias.
  double err = 0.0, se = 0.0;
  const int ticks = 40;
  for (int t = 1; t <= ticks; ++t) {
    const auto e = network_stats(s, {11, t, 2, 10000, 4000}, x);
    err += e.average_clustering - exact.average_clustering;
    se += e.clustering_se;
  }
  CHECK(std::abs(err / ticks) < 4.0 * (se / ticks) / std::sqrt(double(ticks)));
}
