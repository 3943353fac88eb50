// The model adapter and the live source: the view mirrors the world; stepping, retuning and picking.
#include "viz/world_view.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "viz/live_source.hpp"
#include "viz/picking.hpp"

using namespace vicsim;
using namespace vicsim::viz;

TEST_CASE("world_view: alive firms and their ties, classified local or cross-regional", "[viz]") {
  auto r = test::run(test::small({"ticks=6"}));
  const auto& w = r.model->world();
  const auto v = view_of_world(w);
  std::size_t alive = 0;
  for (auto a : w.firms.alive) alive += a;
  CHECK(v.nodes.size() == alive);
  CHECK(v.tick == 6);
  REQUIRE_FALSE(v.edges.empty());
  std::size_t cross = 0;
  for (const auto& e : v.edges) {
    const auto& a = v.nodes[e.source];
    const auto& b = v.nodes[e.target];
    REQUIRE(e.cls == (a.region == b.region ? EdgeClass::Local : EdgeClass::CrossRegion));
    cross += e.cls == EdgeClass::CrossRegion;
  }
  CHECK(cross > 0);
  const auto share = static_cast<double>(cross) / static_cast<double>(v.edges.size());
  CHECK(share == Approx(r.series.back().cross_region_tie_share).margin(1e-9));
}

TEST_CASE("live_source: steps one tick at a time to the horizon, like run_simulation", "[viz]") {
  const auto s = test::small({"ticks=5"});
  LiveSource live(s, "small");
  CHECK(live.tick() == 0);
  CHECK(live.kpis().empty());
  CHECK(live.seek(1));
  CHECK(live.tick() == 1);
  CHECK(live.seek(5));
  CHECK_FALSE(live.seek(6));  // the horizon
  CHECK_FALSE(live.seek(2));  // no going back
  const auto batch = test::run(s);
  REQUIRE(live.kpis().size() == 5);
  for (std::size_t t = 0; t < 5; ++t) {
    CHECK(live.kpis()[t].output == batch.series[t].output);
    CHECK(live.kpis()[t].cross_region_tie_share == batch.series[t].cross_region_tie_share);
  }
}

TEST_CASE("live_source: a retune changes the parameters from the next tick, not the past", "[viz]") {
  const auto s = test::small({"ticks=4"});
  LiveSource a(s, "a"), b(s, "b");
  a.seek(2), b.seek(2);
  auto changed = test::small({"ticks=4", "mechanisms.knowledge.spillover_enabled=false"});
  b.retune(changed);
  CHECK(b.kpis()[1].output == a.kpis()[1].output);
  a.seek(4), b.seek(4);
  CHECK_FALSE(b.scenario().mechanisms.knowledge.spillover_enabled);
  CHECK(a.kpis()[3].output != b.kpis()[3].output);
}

TEST_CASE("picking: the nearest visible firm within the radius; filters hide firms", "[viz]") {
  ViewFrame f;
  f.nodes = {ViewNode{}, ViewNode{}};
  f.nodes[0].id = 10, f.nodes[0].region = 0;
  f.nodes[1].id = 11, f.nodes[1].region = 1;
  f.edges = {{0, 1, EdgeClass::CrossRegion, true}};
  const std::vector<Vec2> pos = {{0.0f, 0.0f}, {0.1f, 0.0f}};
  ViewState s;
  CHECK(pick_node(f, pos, s, {0.04f, 0.0f}, 0.05f) == 0u);
  CHECK(pick_node(f, pos, s, {0.07f, 0.0f}, 0.05f) == 1u);
  CHECK_FALSE(pick_node(f, pos, s, {0.5f, 0.5f}, 0.05f));
  CHECK(pick_node(f, pos, s, {0.04f, 0.0f}, 0.07f) == 0u);
  s.filter_region = 1;  // firm 10 is hidden, so the same click finds firm 11
  CHECK(pick_node(f, pos, s, {0.04f, 0.0f}, 0.07f) == 1u);
  CHECK(neighbours(f, 0) == std::vector<std::size_t>{1});
  CHECK(node_radius_px(5000, 1, 1) > node_radius_px(5, 1, 1));
}

TEST_CASE("world_view: platforms, memberships, adoption and platform-mediated ties reach the view", "[viz]") {
  auto s = test::load("platform_led.json", {"mechanisms.population.count=400", "ticks=36"});
  auto r = test::run(s);
  const auto& w = r.model->world();
  const auto v = view_of_world(w);
  REQUIRE(v.platforms.size() == w.platforms.size());
  std::size_t members = 0, adopted = 0;
  for (const auto& n : v.nodes) {
    const sim::FirmIndex i =
        w.firms.slot_of(static_cast<std::uint64_t>(n.id));  // a node's id is the firm's id
    REQUIRE(i != sim::Firms::kGone);
    REQUIRE(n.platforms == w.firms.platforms[i]);
    REQUIRE(n.adopted == (w.firms.on_cloud[i] != 0));
    members += n.platforms != 0;
    adopted += n.adopted;
  }
  CHECK(members > 0);
  CHECK(adopted > 0);
  std::size_t via_platform = 0;
  for (const auto& e : v.edges) via_platform += e.cls == EdgeClass::Platform;
  CHECK(via_platform > 0);
  const auto k = kpi_of_metrics(r.series.back());
  CHECK(k.adoption_share == r.series.back().cloud_adoption_share);
  // Stage names are shown without underscores, and "none" / "no_platforms" as nothing.
  CHECK(k.platform_path_stage.find('_') == std::string::npos);
  CHECK(k.platform_path_stage != "none");
  CHECK(stage_display_name("community_operation") == "community operation");
  CHECK(stage_display_name("no_platforms").empty());
}
