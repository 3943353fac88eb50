// Label placement: region names and hub labels do not cover each other or the hub glyphs.
#include "viz/label_placement.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::viz;

TEST_CASE("label_placement: crowded labels are moved apart and off the hubs", "[viz]") {
  // A region disc with two hubs on its rim and a neighbouring region close by: the naive positions (region
  // name above its disc, hub label under its hub) collide.
  const std::vector<LabelRequest> labels = {
      {400, 300, 60, 90, 18, false},  // region A
      {430, 250, 40, 90, 18, false},  // region B, close above A
      {400, 245, 14, 160, 17, true},  // hub on A's rim
      {410, 262, 14, 150, 17, true},  // another hub next to it
  };
  const std::vector<Rect> hubs = {{386, 231, 28, 28}, {396, 248, 28, 28}};
  const Rect bounds{0, 0, 800, 600};
  const auto placed = place_labels(labels, hubs, bounds);
  REQUIRE(placed.size() == labels.size());
  for (std::size_t a = 0; a < placed.size(); ++a) {
    INFO("label " << a);
    CHECK(bounds.encloses(placed[a]));
    for (const auto& h : hubs) CHECK_FALSE(placed[a].overlaps(h));
    for (std::size_t b = a + 1; b < placed.size(); ++b) CHECK_FALSE(placed[a].overlaps(placed[b]));
  }
  // A lone label goes to its first choice: above a region, below a hub.
  const auto lone = place_labels({{400, 300, 60, 90, 18, false}, {100, 100, 10, 50, 15, true}}, {}, bounds);
  CHECK(lone[0].y + lone[0].h <= 300 - 60);
  CHECK(lone[1].y >= 100 + 10);
}

TEST_CASE("label_placement: labels near the edge stay inside the pane", "[viz]") {
  const Rect bounds{100, 50, 300, 200};
  const auto placed = place_labels({{105, 55, 5, 120, 16, false}, {395, 245, 5, 120, 16, true}}, {}, bounds);
  for (const auto& r : placed) CHECK(bounds.encloses(r));
}

namespace {

/** Fails on any overlap between two placed labels, a label and an obstacle, or a label and the bounds. */
void check_apart(const std::vector<Rect>& placed, const std::vector<Rect>& obstacles, const Rect& bounds) {
  for (std::size_t a = 0; a < placed.size(); ++a) {
    if (placed[a].w <= 0) continue;  // left out: nowhere free
    INFO("label " << a << " at " << placed[a].x << "," << placed[a].y);
    CHECK(bounds.encloses(placed[a]));
    for (const auto& o : obstacles) CHECK_FALSE(placed[a].overlaps(o));
    for (std::size_t b = a + 1; b < placed.size(); ++b)
      if (placed[b].w > 0) CHECK_FALSE(placed[a].overlaps(placed[b]));
  }
}

}  // namespace

TEST_CASE("label_placement: region and hub labels stay apart in the crowded split-screen frame", "[viz]") {
  // The platform pane of the classroom split screen at 1280x720, large font, month 60 (the frame where
  // "Foshan Surface (47)" covered "Foshan"): six region labels (above their discs first) and four hub
  // labels (below their hexagons first), with the hexagons as obstacles. Every position near the Foshan
  // hub is taken, so the old least-overlap fallback drew it over the region label.
  const Rect bounds{417, 192, 411, 359};
  const std::vector<LabelRequest> labels = {
      {720, 262, 30, 96, 28, false},   // Qingdao
      {763, 340, 30, 86, 28, false},   // Suzhou
      {485, 370, 28, 104, 28, false},  // Chengdu
      {630, 350, 28, 78, 28, false},   // Wuhan
      {575, 468, 32, 88, 28, false},   // Foshan
      {645, 488, 32, 124, 28, false},  // Dongguan
      {738, 233, 21, 270, 25, true},   // COSMO-Appliances (78)
      {743, 366, 17, 230, 25, true},   // Machinery Point (6)
      {673, 466, 21, 240, 25, true},   // E-Link Electronics (57)
      {595, 487, 20, 214, 25, true},   // Foshan Surface (47)
  };
  std::vector<Rect> hubs;
  for (std::size_t i = 6; i < labels.size(); ++i)
    hubs.push_back({labels[i].x - labels[i].radius, labels[i].y - labels[i].radius, 2 * labels[i].radius,
                    2 * labels[i].radius});
  const auto placed = place_labels(labels, hubs, bounds);
  REQUIRE(placed.size() == labels.size());
  check_apart(placed, hubs, bounds);
  for (const auto& r : placed) CHECK(r.w > 0);  // there is room for all of them
}

TEST_CASE("label_placement: a label with no free place is left out, never drawn over another", "[viz]") {
  const Rect bounds{0, 0, 200, 60};
  // Two wide labels in a short pane: the second cannot go anywhere without covering the first.
  const std::vector<LabelRequest> labels = {{100, 30, 0, 190, 40, false}, {100, 30, 0, 190, 40, true}};
  const auto placed = place_labels(labels, {}, bounds);
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].w > 0);
  CHECK(placed[1].w == 0);
  check_apart(placed, {}, bounds);
}
