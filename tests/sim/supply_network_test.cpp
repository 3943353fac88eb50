#include "sim/supply_network.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <catch2/catch.hpp>
#include <tuple>
#include <vector>

#include "sim/rng.hpp"

using namespace vicsim::sim;

namespace {

/** The storage SupplyGraph replaced: every order it gave is the contract (draw order and sums depend on it).
 */
using Reference =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, Tie>;

using Row = std::tuple<std::size_t, std::size_t, std::int32_t>;  // source, target, tie id (formed_tick)

/** The edge list, then each vertex's out- and in-ties, each tie named by its unique formed_tick. */
template <class G>
std::vector<Row> orders(const G& g) {
  std::vector<Row> all;
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    all.emplace_back(boost::source(*e, g), boost::target(*e, g), g[*e].formed_tick);
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    all.emplace_back(v, v, -1);  // separator
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      all.emplace_back(boost::source(*e, g), boost::target(*e, g), g[*e].formed_tick);
    all.emplace_back(v, v, -2);
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
      all.emplace_back(boost::source(*e, g), boost::target(*e, g), g[*e].formed_tick);
  }
  return all;
}

/** What boost::edge(u, v) finds, for every pair: the tie's id or -1. */
template <class G>
std::vector<std::int32_t> lookups(const G& g) {
  std::vector<std::int32_t> r;
  for (std::size_t u = 0; u < boost::num_vertices(g); ++u)
    for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
      const auto [e, found] = boost::edge(u, v, g);
      r.push_back(found ? g[e].formed_tick : -1);
    }
  return r;
}

/** n firms and `draws` random tie attempts (self-ties skipped), every fourth followed by the removal of the
 * drawn supplier's oldest out-tie when `removals`. */
SupplyGraph random_graph(std::size_t n, int draws, std::uint64_t seed, bool removals) {
  SupplyGraph g(n);
  Rng rng(seed, Stream::NetworkSample, 0, 0);
  for (int k = 0; k < draws; ++k) {
    const auto s = rng.below(n), t = rng.below(n);
    if (s != t) boost::add_edge(s, t, Tie{}, g);
    if (removals && k % 4 == 3 && boost::out_degree(s, g) > 0)
      boost::remove_edge(*boost::out_edges(s, g).first, g);
  }
  return g;
}

}  // namespace

TEST_CASE("SupplyGraph keeps every order adjacency_list<vecS, vecS, bidirectionalS> gave", "[sim]") {
  // Compacted every round (few ties placed since the last compaction, records moving both down and up),
  // every third, or every 40th (many placed since, in reused free slots and past the last tie).
  const int every = GENERATE(1, 3, 40);
  const std::size_t n = 60;
  SupplyGraph g(n - 5);
  Reference ref(n - 5);
  for (std::size_t k = n - 5; k < n; ++k) CHECK(boost::add_vertex(g) == boost::add_vertex(ref));
  Rng rng(11, Stream::NetworkSample, 0, 0);
  std::int32_t id = 0;
  for (int round = 0; round < 200; ++round) {
    // Additions, parallel ties included (the storage allows them, as adjacency_list did).
    for (int k = 0; k < 12; ++k) {
      const auto s = rng.below(n), t = rng.below(n);
      if (s == t) continue;
      Tie tie;
      tie.formed_tick = id++;
      const auto [e, added] = boost::add_edge(s, t, tie, g);
      boost::add_edge(s, t, tie, ref);
      CHECK(added);
      CHECK(g[e].formed_tick == tie.formed_tick);
    }
    // Removals by descriptor and by out-edge iterator, from the middle of the lists.
    for (int k = 0; k < 6; ++k) {
      const auto v = rng.below(n);
      if (boost::out_degree(v, g) == 0) continue;
      const auto at = static_cast<long>(rng.below(boost::out_degree(v, g)));
      if (k % 2 == 0) {
        boost::remove_edge(*(boost::out_edges(v, g).first + at), g);
        boost::remove_edge(*(boost::out_edges(v, ref).first + at), ref);
      } else {
        boost::remove_edge(boost::out_edges(v, g).first + at, g);
        boost::remove_edge(boost::out_edges(v, ref).first + at, ref);
      }
    }
    if (round % 25 == 7) {  // an exiting firm
      const auto v = rng.below(n);
      boost::clear_vertex(v, g);
      boost::clear_vertex(v, ref);
    }
    if (round % every == every - 1) g.compact();
    REQUIRE(boost::num_edges(g) == boost::num_edges(ref));
    REQUIRE(orders(g) == orders(ref));
  }
  REQUIRE(boost::num_edges(g) > 500);
  CHECK(lookups(g) == lookups(ref));
  // A copy is deep: changing it leaves the original alone.
  SupplyGraph copy = g;
  CHECK(orders(copy) == orders(g));
  const auto first = *boost::edges(copy).first;
  copy[first].formed_tick = -7;
  CHECK(g[*boost::edges(g).first].formed_tick != -7);
}

TEST_CASE("SupplyGraph's incidence entries carry each tie's kind through removals, clears and compactions",
          "[sim]") {
  // Loops that only ask whether a tie carries goods read it from the entry (Arc::is_supply), not the record:
  // the two must agree for every tie, in both lists, whatever happened to the graph since it was added.
  const std::size_t n = 80;
  SupplyGraph g(n);
  Rng rng(23, Stream::NetworkSample, 0, 0);
  auto agree = [&] {
    std::size_t collaboration = 0;
    for (std::size_t v = 0; v < n; ++v)
      for (const bool out : {true, false}) {
        const auto& arcs = out ? g.out_arcs(v) : g.in_arcs(v);
        for (const auto& a : arcs) {
          const TieEdge e = out ? TieEdge{static_cast<std::uint32_t>(v), a.partner, a.tie}
                                : TieEdge{a.partner, static_cast<std::uint32_t>(v), a.tie};
          REQUIRE(a.is_supply() == g[e].is_supply());
          collaboration += !a.is_supply();
        }
      }
    return collaboration;
  };
  for (int round = 0; round < 60; ++round) {
    for (int k = 0; k < 20; ++k) {
      const auto s = rng.below(n), t = rng.below(n);
      if (s == t) continue;
      Tie tie;
      if (rng.below(3) == 0) tie.kind = TieKind::Collaboration;
      boost::add_edge(s, t, tie, g);
    }
    for (int k = 0; k < 8; ++k)
      if (const auto v = rng.below(n); boost::out_degree(v, g) > 0)
        boost::remove_edge(*boost::out_edges(v, g).first, g);
    if (round % 10 == 4) boost::clear_vertex(rng.below(n), g);
    if (round % 7 == 6) g.compact();
    agree();
  }
  CHECK(agree() > 50);  // collaboration ties are there to be told apart (each counted from both ends)
}

TEST_CASE("SupplyGraph tie records stay in place while ties are added and removed", "[sim]") {
  SupplyGraph g(4);
  Tie t;
  t.trust = 0.25;
  const auto [e, added] = boost::add_edge(0, 1, t, g);
  REQUIRE(added);
  Tie& kept = g[e];
  // Enough ties to fill several pool chunks: the first record must not move.
  for (int k = 0; k < 5000; ++k) {
    const auto [x, ok] = boost::add_edge(2, 3, Tie{}, g);
    if (k % 3 == 0) boost::remove_edge(x, g);
  }
  kept.trust = 0.5;
  CHECK(g[*boost::out_edges(0, g).first].trust == 0.5);
  CHECK(&g[*boost::in_edges(1, g).first] == &kept);
}

TEST_CASE("SupplyGraph compaction lays the tie records out in customer order, with no free slots", "[sim]") {
  const std::size_t n = 40;
  SupplyGraph g = random_graph(n, 800, 5, true);
  REQUIRE(g.pool_slots() > boost::num_edges(g));  // freed slots before the compaction
  const auto before = g.heap_bytes();
  g.compact();
  CHECK(g.pool_slots() == boost::num_edges(g));
  CHECK(g.heap_bytes() <= before);
  const Tie* last = nullptr;
  for (std::size_t v = 0; v < n; ++v)
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
      if (last) CHECK(&g[*e] == last + 1);  // one record after the other, within a chunk
      last = ((*e).tie + 1) % 1024 == 0 ? nullptr : &g[*e];
    }
}

TEST_CASE("SupplyGraph stores a compacted tie in its record, a 16-byte link and two 8-byte entries",
          "[sim]") {
  const std::size_t n = 500;
  SupplyGraph g = random_graph(n, 20000, 9, false);
  g.compact();
  const std::size_t ties = boost::num_edges(g);
  // Per firm: two empty-vector headers; per tie: record + link + out entry + in entry; plus one partly
  // filled chunk and the chunk table. adjacency_list needed about sizeof(Tie) + 72 bytes per tie.
  // Compaction keeps the link array's capacity (shrinking would copy it at the run's peak): the links past
  // the ties are counted as what they are, not as per-tie cost.
  const std::size_t bound = n * 2 * sizeof(SupplyGraph::ArcList) +
                            ties * (sizeof(Tie) + 16 + 2 * sizeof(SupplyGraph::Arc)) +
                            (g.link_capacity() - ties) * 16 +
                            (std::size_t{1} << SupplyGraph::kChunkBits) * sizeof(Tie) + 64 * sizeof(void*);
  CHECK(sizeof(SupplyGraph::Arc) == 8);
  CHECK(g.heap_bytes() <= bound);
}

TEST_CASE("SupplyGraph::compact_vertices drops tie-less slots and renumbers every firm a tie names",
          "[sim]") {
  const std::size_t n = 30;
  SupplyGraph g(n);
  Rng rng(11, Stream::NetworkSample, 0, 0);
  for (int k = 0; k < 400; ++k) {
    const auto s = rng.below(n), t = rng.below(n);
    if (s == t) continue;
    Tie tie;
    tie.supplier = static_cast<std::uint32_t>(s);
    tie.formed_tick = k;  // names the tie
    if (k % 7 == 0) tie.kind = TieKind::Collaboration;
    boost::add_edge(s, t, tie, g);
    if (k % 4 == 3 && boost::out_degree(s, g) > 0) boost::remove_edge(*boost::out_edges(s, g).first, g);
  }
  // Firms 0, 3, 4 and 29 exit (their ties are cleared); the others move down in order.
  std::vector<std::uint32_t> new_slot(n);
  std::uint32_t next = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const bool gone = v == 0 || v == 3 || v == 4 || v == 29;
    if (gone) boost::clear_vertex(v, g);
    new_slot[v] = gone ? kDroppedSlot : next++;
  }
  // The expected orders: the old ones with every firm renamed.
  std::vector<Row> expected;
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    expected.emplace_back(new_slot[boost::source(*e, g)], new_slot[boost::target(*e, g)], g[*e].formed_tick);
  for (std::size_t v = 0; v < n; ++v) {
    if (new_slot[v] == kDroppedSlot) continue;
    expected.emplace_back(new_slot[v], new_slot[v], -1);
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      expected.emplace_back(new_slot[v], new_slot[boost::target(*e, g)], g[*e].formed_tick);
    expected.emplace_back(new_slot[v], new_slot[v], -2);
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
      expected.emplace_back(new_slot[boost::source(*e, g)], new_slot[v], g[*e].formed_tick);
  }
  const std::size_t ties = boost::num_edges(g);
  g.compact_vertices(new_slot);
  REQUIRE(boost::num_vertices(g) == n - 4);
  CHECK(boost::num_edges(g) == ties);
  CHECK(orders(g) == expected);
  std::size_t supply = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    if (g[*e].is_supply()) {
      CHECK(g[*e].supplier == boost::source(*e, g));  // the supplier inside the record is renamed too
      ++supply;
    }
  CHECK(supply > 0);
  // The graph works on: ties added and removed, and the tie storage compacted.
  boost::add_edge(0, n - 5, Tie{}, g);
  boost::remove_edge(*boost::out_edges(0, g).first, g);
  g.compact();
  CHECK(boost::num_edges(g) == ties);
}

TEST_CASE("SupplyGraph::compact_vertices refuses to drop a firm that still has ties", "[sim]") {
  SupplyGraph g(3);
  boost::add_edge(0, 1, Tie{}, g);
  const std::vector<std::uint32_t> new_slot{kDroppedSlot, 0, 1};
  CHECK_THROWS_AS(g.compact_vertices(new_slot), std::logic_error);
}
