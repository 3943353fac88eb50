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
