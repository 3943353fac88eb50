// Layouts: deterministic, keyed by firm id, stable from frame to frame.
#include "viz/layout.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>

#include "viz/synthetic_source.hpp"

using namespace vicsim::viz;

namespace {

float mean_move(const ViewFrame& a, const std::vector<Vec2>& pa, const ViewFrame& b,
                const std::vector<Vec2>& pb) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.nodes.size(); ++i)
    for (std::size_t j = 0; j < b.nodes.size(); ++j)
      if (a.nodes[i].id == b.nodes[j].id) {
        sum += std::hypot(pa[i].x - pb[j].x, pa[i].y - pb[j].y);
        ++n;
        break;
      }
  return n ? static_cast<float>(sum / static_cast<double>(n)) : 0.0f;
}

bool inside_box(const std::vector<Vec2>& p) {
  for (const auto& v : p)
    if (std::fabs(v.x) > 1.0f || std::fabs(v.y) > 1.0f) return false;
  return true;
}

}  // namespace

TEST_CASE("layout: every layout is deterministic and stays inside the box", "[viz]") {
  SyntheticSource src(600, 1800, 7);
  for (auto kind : {LayoutKind::Geographic, LayoutKind::Force, LayoutKind::Platform}) {
    LayoutEngine a(kind), b(kind);
    a.update(src.frame(), src.info());
    b.update(src.frame(), src.info());
    REQUIRE(a.positions().size() == src.frame().nodes.size());
    CHECK(inside_box(a.positions()));
    for (std::size_t i = 0; i < a.positions().size(); ++i) {
      REQUIRE(a.positions()[i].x == b.positions()[i].x);
      REQUIRE(a.positions()[i].y == b.positions()[i].y);
    }
    CHECK(a.hubs().size() == src.frame().platforms.size());
  }
}

TEST_CASE("layout: geographic places each firm inside its region's disc, at a place fixed by its id",
          "[viz]") {
  SyntheticSource src(500, 1000, 3);
  LayoutEngine geo(LayoutKind::Geographic);
  geo.update(src.frame(), src.info());
  const auto& discs = geo.areas();
  REQUIRE(discs.size() == src.info().regions.size());
  for (std::size_t i = 0; i < src.frame().nodes.size(); ++i) {
    const auto& n = src.frame().nodes[i];
    const auto& d = discs[static_cast<std::size_t>(n.region)];
    REQUIRE(std::hypot(geo.positions()[i].x - d.centre.x, geo.positions()[i].y - d.centre.y) <=
            d.radius * 1.001f);
  }
  // Discs do not overlap.
  for (std::size_t a = 0; a < discs.size(); ++a)
    for (std::size_t b = a + 1; b < discs.size(); ++b)
      CHECK(std::hypot(discs[a].centre.x - discs[b].centre.x, discs[a].centre.y - discs[b].centre.y) >=
            discs[a].radius + discs[b].radius);
  // A frame without half the firms: the others do not move.
  ViewFrame half = src.frame();
  half.nodes.erase(half.nodes.begin(), half.nodes.begin() + 250);
  half.edges.clear();
  const auto before = geo.positions();
  geo.update(half, src.info());
  CHECK(mean_move(src.frame(), before, half, geo.positions()) == 0.0f);
}

TEST_CASE("layout: the force layout is warm-started, so a new tick moves firms only a little", "[viz]") {
  SyntheticSource src(800, 2400, 5);
  LayoutEngine force(LayoutKind::Force);
  force.update(src.frame(), src.info());
  const auto first = force.positions();
  // The next tick: 5% of firms leave, a few ties change.
  ViewFrame next = src.frame();
  next.nodes.resize(760);
  std::vector<ViewEdge> kept;
  for (const auto& e : next.edges)
    if (e.source < 760 && e.target < 760) kept.push_back(e);
  next.edges = kept;
  force.update(next, src.info());
  const float moved = mean_move(src.frame(), first, next, force.positions());
  CHECK(moved < 0.05f);  // under 2.5% of the box width, on average
  // A fresh engine laying out `next` from scratch lands somewhere else entirely: the warm start matters.
  LayoutEngine cold(LayoutKind::Force);
  cold.update(next, src.info());
  CHECK(mean_move(src.frame(), first, next, cold.positions()) > moved);
}

TEST_CASE("layout: platform-centric puts members near their hub and non-members on the outer ring", "[viz]") {
  SyntheticSource src(400, 800, 9);
  LayoutEngine hubs(LayoutKind::Platform);
  hubs.update(src.frame(), src.info());
  const auto& f = src.frame();
  for (std::size_t i = 0; i < f.nodes.size(); ++i) {
    const auto& p = hubs.positions()[i];
    const float r = std::hypot(p.x, p.y);
    if (f.nodes[i].platforms == 0) {
      REQUIRE(r >= 0.78f - 1e-4f);
    } else if (std::popcount(f.nodes[i].platforms) == 1) {
      const auto k = static_cast<std::size_t>(std::countr_zero(f.nodes[i].platforms));
      REQUIRE(std::hypot(p.x - hubs.hubs()[k].x, p.y - hubs.hubs()[k].y) <= 0.31f);
    }
  }
}
