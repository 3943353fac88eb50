#include "sim/tie_compaction.hpp"

#include <catch2/catch.hpp>
#include <tuple>
#include <vector>

#include "sim/parallel_for.hpp"
#include "sim/rng.hpp"

using namespace vicsim::sim;

namespace {

using Row = std::tuple<std::size_t, std::size_t, std::int32_t, double>;  // source, target, formed, trust

std::vector<Row> rows(const SupplyGraph& g, TieEdge e) {
  return {Row{boost::source(e, g), boost::target(e, g), g[e].formed_tick, g[e].trust}};
}

/** Every order the model can observe: the edge list, and each vertex's out- and in-ties. */
std::vector<Row> orders(const SupplyGraph& g) {
  std::vector<Row> all;
  auto add = [&](TieEdge e) {
    auto r = rows(g, e);
    all.insert(all.end(), r.begin(), r.end());
  };
  for (auto [e, end] = boost::edges(g); e != end; ++e) add(*e);
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    all.emplace_back(v, v, -1, 0.0);  // separator
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) add(*e);
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) add(*e);
  }
  return all;
}

/** Ties formed and dissolved over many "months" among n firms, so the incidence orders differ from firm
 * order and the pool has free slots. */
void churn(SupplyGraph& g, std::size_t n, int adds_per_month) {
  Rng rng(7, Stream::NetworkSample, 0, 0);
  for (int month = 0; month < 40; ++month) {
    for (int k = 0; k < adds_per_month; ++k) {
      const auto s = rng.below(n), t = rng.below(n);
      if (s == t || boost::edge(s, t, g).second) continue;
      Tie tie;
      tie.formed_tick = month;
      tie.trust = static_cast<double>(rng.below(1000)) / 1000.0;
      boost::add_edge(s, t, tie, g);
    }
    for (int k = 0; k < adds_per_month / 3 && boost::num_edges(g) > 0; ++k) {
      const auto v = rng.below(n);
      if (boost::out_degree(v, g) > 0)
        boost::remove_edge(
            *(boost::out_edges(v, g).first + static_cast<long>(rng.below(boost::out_degree(v, g)))), g);
    }
    if (month == 20) boost::clear_vertex(5, g);  // an exited firm
  }
}

}  // namespace

TEST_CASE("compact_ties keeps every tie, property and incidence order", "[sim]") {
  const std::size_t n = 300;
  SupplyGraph g(n);
  churn(g, n, 60);
  const auto before = orders(g);
  const auto edges = boost::num_edges(g);
  REQUIRE(edges > 1000);
  compact_ties(g);
  CHECK(boost::num_vertices(g) == n);
  CHECK(boost::num_edges(g) == edges);
  CHECK(orders(g) == before);
  // The compacted graph stays fully usable: add and remove after the compaction.
  Tie t;
  t.formed_tick = 99;
  const auto [e, added] = boost::add_edge(0, 1, t, g);
  if (added) boost::remove_edge(e, g);
  CHECK(orders(g) == before);
}

TEST_CASE("compact_ties on two threads gives the one-thread result", "[sim]") {
  // Large enough for the renumbering loops to run in parallel (sim::kParallelMinIndices).
  const std::size_t n = 3000;
  SupplyGraph one(n), two(n);
  churn(one, n, 600);
  churn(two, n, 600);
  const auto before = orders(one);
  REQUIRE(one.pool_slots() > kParallelMinIndices);
  REQUIRE(boost::num_edges(one) < one.pool_slots());  // free slots to skip
  compact_ties(one, 1);
  compact_ties(two, 2);
  CHECK(orders(one) == before);
  CHECK(orders(two) == before);
  // The edge list's ends were renamed too: a tie added after the compaction comes last, and removing it
  // restores the list.
  for (SupplyGraph* g : {&one, &two}) {
    Tie t;
    t.formed_tick = 99;
    std::size_t to = 1;
    while (boost::edge(0, to, *g).second) ++to;
    const auto [e, added] = boost::add_edge(0, to, t, *g);
    REQUIRE(added);
    TieEdge last{};
    for (auto [it, end] = boost::edges(*g); it != end; ++it) last = *it;
    CHECK((*g)[last].formed_tick == 99);
    boost::remove_edge(e, *g);
    CHECK(orders(*g) == before);
  }
}
