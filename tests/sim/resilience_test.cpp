#include "sim/resilience.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim::sim;

TEST_CASE("resilience: trough, loss and recovery of a V-shaped dip", "[sim]") {
  // Ticks 1..6 at 100; shock at tick 7 for 2 months: 80, 60, then 80, 100, 100.
  const std::vector<double> x{100, 100, 100, 100, 100, 100, 80, 60, 80, 100, 100};
  const auto r = resilience_measures(x, 7, 2);
  CHECK(r.baseline == Approx(100.0));
  CHECK(r.trough_tick == 8);
  CHECK(r.trough_change == Approx(-0.4));
  CHECK(r.recovered);
  CHECK(r.recovery_months == Approx(3.0));          // back at tick 10
  CHECK(r.loss_months == Approx(0.2 + 0.4 + 0.2));  // ticks 7, 8, 9
}

TEST_CASE("resilience: no fall, never recovered, and undefined cases", "[sim]") {
  const std::vector<double> flat(20, 50.0);
  const auto none = resilience_measures(flat, 10, 3);
  CHECK(none.recovered);
  CHECK(none.recovery_months == 0.0);
  CHECK(none.loss_months == 0.0);
  CHECK(none.trough_change == Approx(0.0));

  std::vector<double> collapse(20, 50.0);
  for (std::size_t t = 9; t < 20; ++t) collapse[t] = 30.0;  // from tick 10 on
  const auto never = resilience_measures(collapse, 10, 3);
  CHECK_FALSE(never.recovered);
  CHECK(std::isnan(never.recovery_months));
  CHECK(never.loss_months == Approx(11 * 0.4));                  // ticks 10..20 counted to the end
  CHECK(std::isnan(resilience_measures(flat, 1, 3).baseline));   // no month before the shock
  CHECK(std::isnan(resilience_measures(flat, 30, 3).baseline));  // shock after the run
}

TEST_CASE("resilience: against a counterfactual run, growth forgone counts as loss", "[sim]") {
  // Without the shock the series grows 10 a month; with it, it stalls for 3 months then rejoins.
  std::vector<double> cf, x;
  for (int t = 1; t <= 20; ++t) cf.push_back(100.0 + 10.0 * t);
  x = cf;
  x[9] = x[10] = x[11] = cf[8];  // ticks 10..12 stay at tick 9's level
  const auto r = resilience_against(x, cf, 10, 3);
  CHECK(r.baseline == Approx(200.0));
  CHECK(r.trough_tick == 12);
  CHECK(r.trough_change == Approx(-30.0 / 220.0));
  CHECK(r.recovery_months == Approx(3.0));  // back on the path at tick 13
  CHECK(r.loss_months == Approx(10.0 / 200 + 20.0 / 210 + 30.0 / 220));
  // Against its own pre-shock level the same stall looks like no fall at all.
  CHECK(resilience_measures(x, 10, 3).trough_change >= 0.0);
}
