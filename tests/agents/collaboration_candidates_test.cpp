// The collaboration search's partner lists and score tables (agents/collaboration_candidates.cpp).
#include "agents/collaboration_candidates.hpp"

#include <catch2/catch.hpp>

#include "agents/collaboration.hpp"
#include "scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
/** The supply partners of v read from the graph: customers (out-ties) or suppliers (in-ties), in order. */
std::vector<sim::FirmIndex> supply_partners(const sim::SupplyGraph& g, sim::FirmIndex v, bool customers) {
  std::vector<sim::FirmIndex> out;
  if (customers) {
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      if (g[*e].is_supply()) out.push_back(static_cast<sim::FirmIndex>(boost::target(*e, g)));
  } else {
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
      if (g[*e].is_supply()) out.push_back(static_cast<sim::FirmIndex>(boost::source(*e, g)));
  }
  return out;
}

std::vector<sim::FirmIndex> firms_of(std::span<const agents::CollaborationPartner> list) {
  std::vector<sim::FirmIndex> out;
  for (const auto& p : list) out.push_back(p.firm);
  return out;
}
}  // namespace

TEST_CASE("collaboration_candidates: each firm's supply customers and suppliers in the graph's order",
          "[agents][collaboration]") {
  auto s = test::load("traditional.json", {"mechanisms.population.count=300", "ticks=1"});
  auto model = scenarios::build_model(s);
  auto& c = model.mutable_context();
  auto& g = c.world.network;
  // A collaboration tie between two firms that both have supply ties: it must not appear in the lists.
  std::vector<sim::FirmIndex> traders;
  for (sim::FirmIndex v = 0; v < boost::num_vertices(g); ++v)
    if (boost::out_degree(v, g) > 0 && boost::in_degree(v, g) > 0) traders.push_back(v);
  REQUIRE(traders.size() >= 2);
  const sim::FirmIndex a = traders[0], b = traders[1];
  sim::Tie t;
  t.kind = sim::TieKind::Collaboration;
  boost::add_edge(a, b, t, g);
  agents::CollaborationCandidates index;
  index.rebuild(c.world, c.params.knowledge, 2);
  std::size_t listed = 0;
  for (sim::FirmIndex v = 0; v < boost::num_vertices(g); ++v) {
    CHECK(firms_of(index.customers(v)) == supply_partners(g, v, true));
    CHECK(firms_of(index.suppliers(v)) == supply_partners(g, v, false));
    for (const auto& p : index.customers(v)) {
      const auto q = agents::CollaborationCandidates::partner(c.world, p.firm);
      CHECK((p.industry == q.industry && p.region == q.region && p.digital_maturity == q.digital_maturity));
    }
    listed += index.customers(v).size();
  }
  std::size_t supply = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e) supply += g[*e].is_supply();
  CHECK(supply < boost::num_edges(g));  // there are collaboration ties to leave out
  CHECK(listed == supply);
  // Only the flagged firms' lists: a's customers and b's suppliers, everything else empty.
  std::vector<std::uint8_t> need_customers(boost::num_vertices(g), 0), need_suppliers(need_customers);
  need_customers[a] = need_suppliers[b] = 1;
  index.rebuild(c.world, c.params.knowledge, 1, need_customers, need_suppliers);
  for (sim::FirmIndex v = 0; v < boost::num_vertices(g); ++v) {
    CHECK(firms_of(index.customers(v)) ==
          (v == a ? supply_partners(g, v, true) : std::vector<sim::FirmIndex>{}));
    CHECK(firms_of(index.suppliers(v)) ==
          (v == b ? supply_partners(g, v, false) : std::vector<sim::FirmIndex>{}));
  }
  CHECK(!index.customers(a).empty());
}

TEST_CASE("collaboration_candidates: the table score is collaboration_score to the last bit",
          "[agents][collaboration]") {
  auto s = test::load("one_plus_n.json", {"mechanisms.population.count=400", "ticks=1"});
  auto model = scenarios::build_model(s);
  auto& c = model.mutable_context();
  agents::CollaborationCandidates index;
  index.rebuild(c.world, c.params.knowledge, 1);
  const auto n = static_cast<sim::FirmIndex>(c.world.firms.size());
  std::size_t pairs = 0, positive = 0;
  for (sim::FirmIndex f = 0; f < n; f += 7)
    for (sim::FirmIndex g = 1; g < n; g += 11) {
      const double table = index.score(agents::CollaborationCandidates::partner(c.world, f),
                                       agents::CollaborationCandidates::partner(c.world, g));
      REQUIRE(table == agents::collaboration_score(c, f, g));
      ++pairs;
      positive += table > 0.0;
    }
  CHECK(pairs > 1000);
  CHECK(positive > pairs / 10);  // the comparison is not all zeros
}
