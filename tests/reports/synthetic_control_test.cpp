#include "reports/synthetic_control.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

using namespace vicsim::reports;
using Catch::Detail::Approx;

TEST_CASE("synthetic_control: simplex least squares recovers convex weights", "[reports]") {
  std::vector<std::vector<double>> x(3);
  std::vector<double> y;
  for (int t = 0; t < 20; ++t) {
    x[0].push_back(std::sin(0.3 * t) + 1);
    x[1].push_back(0.1 * t);
    x[2].push_back(std::cos(0.7 * t));
    y.push_back(0.3 * x[0].back() + 0.7 * x[1].back());
  }
  const auto w = simplex_least_squares(x, y);
  REQUIRE(w.size() == 3);
  CHECK(w[0] == Approx(0.3).margin(1e-6));
  CHECK(w[1] == Approx(0.7).margin(1e-6));
  CHECK(w[2] == Approx(0.0).margin(1e-6));
  // A target outside the hull gets the nearest convex combination: weights stay ≥ 0 and sum to 1.
  std::vector<double> far(20, 100.0);
  const auto v = simplex_least_squares(x, far);
  CHECK(std::accumulate(v.begin(), v.end(), 0.0) == Approx(1.0));
  for (double a : v) CHECK(a >= 0.0);
}

TEST_CASE("synthetic_control: weights, effect and placebo p on a constructed panel", "[reports]") {
  // Donors d0..d3; the treated region is 0.6·d1 + 0.4·d2 before month 30 and +2 above it from then on.
  std::vector<PanelObservation> panel;
  auto donor = [](int j, int t) {
    return j == 0   ? 5 + std::sin(0.2 * t)
           : j == 1 ? 0.05 * t
           : j == 2 ? 3 + std::cos(0.5 * t)
                    : 1 + 0.02 * t * std::sin(t);
  };
  for (int t = 0; t < 40; ++t) {
    for (int j = 0; j < 4; ++j) panel.push_back({"d" + std::to_string(j), false, double(t), donor(j, t)});
    panel.push_back(
        {"pilot", true, double(t), 0.6 * donor(1, t) + 0.4 * donor(2, t) + (t >= 30 ? 2.0 : 0.0)});
  }
  const auto sc = synthetic_control(panel, 30);
  REQUIRE(sc.valid);
  REQUIRE(sc.donors == std::vector<std::string>{"d0", "d1", "d2", "d3"});
  CHECK(sc.weights[0] == Approx(0.0).margin(1e-5));
  CHECK(sc.weights[1] == Approx(0.6).margin(1e-5));
  CHECK(sc.weights[2] == Approx(0.4).margin(1e-5));
  CHECK(sc.effect == Approx(2.0).epsilon(1e-4));
  CHECK(sc.pre_rmspe < 1e-5);
  CHECK(sc.placebos == 4);
  CHECK(sc.placebo_p == Approx(0.2));  // the pilot's gap ratio is the largest of the 5
  // One donor only: not valid.
  std::vector<PanelObservation> thin;
  for (const auto& o : panel)
    if (o.unit == "pilot" || o.unit == "d0") thin.push_back(o);
  CHECK_FALSE(synthetic_control(thin, 30).valid);
}
