#include "experiments/prim.hpp"

#include <catch2/catch.hpp>

#include "sim/rng.hpp"

using namespace vicsim::experiments;

namespace {
/** n uniform points in [0,1]^3; the condition holds inside x0 > 0.6, x1 < 0.4. */
void synthetic(std::size_t n, double noise, std::vector<std::vector<double>>& x, std::vector<bool>& y) {
  vicsim::sim::Rng rng(123, vicsim::sim::Stream::Search, 0, 0);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> p = {rng.uniform(), rng.uniform(), rng.uniform()};
    bool in = p[0] > 0.6 && p[1] < 0.4;
    if (rng.uniform() < noise) in = !in;
    x.push_back(p);
    y.push_back(in);
  }
}
}  // namespace

TEST_CASE("prim: finds a known box in synthetic data", "[experiments]") {
  std::vector<std::vector<double>> x;
  std::vector<bool> y;
  synthetic(3000, 0.0, x, y);
  PrimOptions o;
  o.threshold = 1.0;
  o.max_boxes = 1;
  const auto r = prim(x, y, o);
  REQUIRE(r.boxes.size() == 1);
  const auto& b = r.boxes[0].box;
  INFO("box x0 [" << b.low[0] << ", " << b.high[0] << "] x1 [" << b.low[1] << ", " << b.high[1] << "] x2 ["
                  << b.low[2] << ", " << b.high[2] << "] coverage " << b.coverage << " density "
                  << b.density);
  CHECK(b.density == 1.0);
  CHECK(b.coverage > 0.85);
  CHECK(b.low[0] == Approx(0.6).margin(0.03));
  CHECK(b.high[1] == Approx(0.4).margin(0.03));
  CHECK(b.restricted[0]);
  CHECK(b.restricted[1]);
  CHECK(b.high[2] - b.low[2] > 0.8);  // the irrelevant factor is (almost) not cut
  // The trajectory starts with the whole data set and peels toward higher density.
  const auto& t = r.boxes[0].trajectory;
  CHECK(t.front().mass == 1.0);
  CHECK(t.front().density == Approx(0.4 * 0.4).margin(0.03));
  CHECK(t.back().mass >= o.min_mass);
}

TEST_CASE("prim: with noise and the default threshold the box is dense and covers most cases",
          "[experiments]") {
  std::vector<std::vector<double>> x;
  std::vector<bool> y;
  synthetic(3000, 0.05, x, y);
  const auto r = prim(x, y, PrimOptions{});
  REQUIRE(!r.boxes.empty());
  const auto& b = r.boxes[0].box;
  CHECK(b.density >= 0.8);
  CHECK(b.coverage > 0.6);
  CHECK(b.low[0] == Approx(0.6).margin(0.1));
  CHECK(b.high[1] == Approx(0.4).margin(0.1));
  // Coverage counts against all true points; mass against all points.
  CHECK(b.mass == Approx(static_cast<double>(b.points) / 3000));
}

TEST_CASE("prim: on a grid with ties the box is exactly the true half", "[experiments]") {
  // Points on a 20 x 20 grid, true where x0 >= 10/19: peels remove whole columns of tied values, and
  // pasting must not widen the pure box into false points.
  std::vector<std::vector<double>> x;
  std::vector<bool> y;
  for (int i = 0; i < 20; ++i)
    for (int j = 0; j < 20; ++j) {
      x.push_back({i / 19.0, j / 19.0});
      y.push_back(i >= 10);
    }
  PrimOptions o;
  o.threshold = 1.0;
  o.max_boxes = 1;
  const auto r = prim(x, y, o);
  REQUIRE(r.boxes.size() == 1);
  CHECK(r.boxes[0].box.density == 1.0);
  CHECK(r.boxes[0].box.low[0] == Approx(10 / 19.0));
  CHECK(r.boxes[0].box.coverage == 1.0);
}

TEST_CASE("prim: no true points gives no box", "[experiments]") {
  const auto r = prim({{0.1}, {0.2}}, {false, false}, PrimOptions{});
  CHECK(r.boxes.empty());
  CHECK(r.true_points == 0);
}
