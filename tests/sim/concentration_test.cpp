#include "sim/concentration.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::sim;

TEST_CASE("concentration: Ellison-Glaeser matches a hand computation", "[sim]") {
  // Industry all in region 0, which holds half of total employment; 4 equal plants (H = 0.25).
  // G = (1-0.5)^2 + (0-0.5)^2 = 0.5; 1 - sum x^2 = 0.5; gamma = (0.5/0.5 - 0.25)/(1 - 0.25) = 1.
  CHECK(ellison_glaeser({4, 0}, {8, 8}, 0.25) == Approx(1.0));
  // Spread exactly like total employment: G = 0, gamma = -H/(1-H).
  CHECK(ellison_glaeser({2, 2}, {8, 8}, 0.25) == Approx(-1.0 / 3.0));
}

TEST_CASE("concentration: mean EG rises when firms of an industry move together", "[sim]") {
  World w;
  w.industries = {Industry{"a", {"s"}, 1.0, {}, 1.0}, Industry{"b", {"s"}, 1.0, {}, 1.0}};
  w.regions.resize(4);
  for (int k = 0; k < 40; ++k) {
    auto f = w.add_firm();
    w.firms.industry[f] = IndustryId{static_cast<std::uint8_t>(k % 2)};
    w.firms.region[f] = RegionId{static_cast<std::uint16_t>(k % 4)};
    w.firms.employees[f] = 10;
  }
  const double spread = mean_ellison_glaeser(w);
  for (FirmIndex f = 0; f < 40; ++f)
    w.firms.region[f] = RegionId{static_cast<std::uint16_t>(f % 2 == 0 ? 0 : (f % 4 == 1 ? 1 : 2))};
  CHECK(mean_ellison_glaeser(w) > spread + 0.2);
  const auto lq = location_quotients(w);
  CHECK(lq[0][0] == Approx(2.0));  // industry a holds region 0 entirely, and is half of all employment
}
