// Network drawing and exports: reading snapshots back, the region layout, and the dynamic GEXF.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reports/gexf_writer.hpp"
#include "reports/graphml_snapshot.hpp"
#include "reports/graphml_writer.hpp"
#include "reports/network_layout.hpp"
#include "reports/run_writers.hpp"
#include "test_support.hpp"

using namespace vicsim;
using namespace vicsim::reports;
namespace fs = std::filesystem;

TEST_CASE("graphml_snapshot: reads back what run_writers writes", "[reports]") {
  auto s = test::small({"ticks=6"});
  auto r = test::run(s);
  const auto& w = r.model->world();
  const fs::path dir = fs::temp_directory_path() / ("vicsim_gs_" + std::to_string(::getpid()));
  fs::create_directories(dir / "network");
  {
    std::ofstream out(dir / "network" / "tick_0006.graphml");
    write_graphml(out, w);
  }
  const auto list = list_snapshots(dir);
  REQUIRE(list.size() == 1);
  CHECK(list[0].first == 6);
  const auto snap = read_snapshot(list[0].second, 6);
  std::size_t alive = 0;
  for (sim::FirmIndex i = 0; i < w.firms.size(); ++i) alive += w.firms.alive[i] ? 1 : 0;
  CHECK(snap.nodes.size() == alive);
  CHECK(snap.edges.size() > 0);
  for (const auto& n : snap.nodes) {
    REQUIRE(n.firm_id >= 0);
    const sim::FirmIndex i = w.firms.slot_of(static_cast<std::uint64_t>(n.firm_id));  // firm_id is the id
    REQUIRE(i != sim::Firms::kGone);
    CHECK(w.firms.alive[i]);
    CHECK(n.region == w.regions[sim::idx(w.firms.region[i])].name);
  }
  fs::remove_all(dir);
}

TEST_CASE("graphml_writer: the same bytes for any thread count", "[reports]") {
  // 4,000 firms: 16 chunks of 256 firm slots, so 2 and 3 threads format more than one batch while the one
  // before is written; exited firms leave gaps in the node and edge ids.
  auto s = test::small({"mechanisms.population.count=4000", "ticks=24"});
  auto r = test::run(s);
  const auto& w = r.model->world();
  std::size_t exited = 0;
  for (sim::FirmIndex i = 0; i < w.firms.size(); ++i) exited += w.firms.alive[i] ? 0 : 1;
  REQUIRE(exited > 0);
  std::ostringstream one;
  write_graphml(one, w, 1);
  // Edge ids run 0 .. edges - 1 across chunks, each once.
  const std::string& text = one.str();
  std::size_t edges = 0;
  const std::string open = "<edge id=\"e";
  for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    const std::string expected = open + std::to_string(edges++) + "\"";
    CHECK(text.compare(at, expected.size(), expected) == 0);
  }
  CHECK(edges > 1000);
  for (unsigned threads : {2u, 3u}) {
    std::ostringstream more;
    write_graphml(more, w, threads);
    CHECK(more.str() == one.str());
  }
}

TEST_CASE("network_layout: discs do not overlap, firms stay in their disc, positions are stable",
          "[reports]") {
  // Two regions 70 km apart and one 1,500 km away, as in the traditional scenario.
  const auto p = region_layout({{"a", 0, 0, 400}, {"b", -70, 15, 300}, {"c", 1150, 1050, 100}});
  REQUIRE(p.size() == 3);
  for (std::size_t i = 0; i < p.size(); ++i)
    for (std::size_t j = i + 1; j < p.size(); ++j)
      CHECK(std::hypot(p[i].x - p[j].x, p[i].y - p[j].y) >= p[i].radius + p[j].radius);
  CHECK(p[0].radius > p[2].radius);  // more firms, bigger disc
  CHECK(p[2].x > p[0].x);            // geography kept: c is east and north of a
  CHECK(p[2].y > p[0].y);
  for (int id = 0; id < 500; ++id) {
    const auto q = firm_position(p[0], id, id % 3, 3, id % 4, 4);
    CHECK(std::hypot(q.x - p[0].x, q.y - p[0].y) <= p[0].radius);
    const auto again = firm_position(p[0], id, id % 3, 3, id % 4, 4);
    CHECK(q.x == again.x);
  }
}

TEST_CASE("gexf_writer: spells follow presence across snapshots", "[reports]") {
  auto node = [](int id) {
    SnapshotNode n;
    n.firm_id = id;
    n.label = "firm " + std::to_string(id);
    n.region = "r";
    n.employees = 5;
    return n;
  };
  NetworkSnapshot s1{12, {node(1), node(2)}, {{0, 1, "supply", 1, 0, 0.5, 3, "offline"}}};
  NetworkSnapshot s2{24, {node(1)}, {}};
  NetworkSnapshot s3{36, {node(1), node(2)}, {{0, 1, "supply", 1, 0, 0.5, 3, "offline"}}};
  std::ostringstream out;
  write_dynamic_gexf(out, {s1, s2, s3}, "test");
  const std::string g = out.str();
  CHECK(g.find("mode=\"dynamic\"") != std::string::npos);
  CHECK(g.find("timeformat=\"integer\" start=\"12\" end=\"36\"") != std::string::npos);
  // Firm 1 is present throughout: one spell 12..36; its employees never change: one value.
  CHECK(g.find("<node id=\"1\" label=\"firm 1\" start=\"12\" end=\"36\">") != std::string::npos);
  CHECK(g.find("<attvalue for=\"employees\" value=\"5\" start=\"12\" end=\"36\" />") != std::string::npos);
  // Firm 2 and the tie vanish at month 24: two spells, [12, 23] and [36, 36].
  CHECK(g.find("<node id=\"2\" label=\"firm 2\">") != std::string::npos);
  CHECK(g.find("<spell start=\"12\" end=\"23\" />") != std::string::npos);
  CHECK(g.find("<spell start=\"36\" end=\"36\" />") != std::string::npos);
  CHECK(g.find("<edge id=\"e0\" source=\"1\" target=\"2\">") != std::string::npos);
}
