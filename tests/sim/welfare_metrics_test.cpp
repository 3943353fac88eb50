// Welfare and distribution metrics (docs/ODD.md 7.29).
#include "sim/welfare_metrics.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim;

TEST_CASE("welfare_metrics: Theil index of output per worker across regions", "[sim]") {
  // Same output per worker everywhere: no inequality.
  CHECK(sim::theil_output_per_worker({100.0, 300.0}, {1.0, 3.0}) == Approx(0.0).margin(1e-15));
  // Two regions of equal employment, one producing everything of value 3:1.
  const double t = 0.75 * std::log(0.75 / 0.5) + 0.25 * std::log(0.25 / 0.5);
  CHECK(sim::theil_output_per_worker({300.0, 100.0}, {5.0, 5.0}) == Approx(t));
  // Regions without workers or output are skipped.
  CHECK(sim::theil_output_per_worker({300.0, 100.0, 0.0}, {5.0, 5.0, 2.0}) == Approx(t));
}

TEST_CASE("welfare_metrics: SME survival counts exits of recorded months only", "[sim]") {
  // docs/ODD.md 7.29, 7.97: the warm-up is not recorded, so its exits do not lower month 1's survival.
  sim::Firms fs;
  const int alive = -1;  // exit_tick of an alive firm
  const auto add = [&](double employees, int exit_tick) {
    const auto i = fs.add();
    fs.employees[i] = employees;
    fs.alive[i] = exit_tick == alive ? 1 : 0;
    fs.exit_tick[i] = exit_tick;
    return i;
  };
  add(20.0, alive);   // alive SME
  add(30.0, alive);   // alive SME
  add(500.0, alive);  // alive large firm: not an SME
  add(10.0, 0);       // exited at the last warm-up month, still in its slot
  sim::ExitedFirms gone;
  CHECK(sim::sme_survival(fs, gone, 100.0) == Approx(1.0));
  add(40.0, 5);  // exited in month 5, still in its slot
  CHECK(sim::sme_survival(fs, gone, 100.0) == Approx(2.0 / 3.0));
  // Compacted away: a recorded exit counts, a warm-up one does not.
  const auto w = add(15.0, -20), r = add(25.0, 7);
  gone.add(fs, w);
  gone.add(fs, r);
  gone.finish();
  fs.employees[w] = fs.employees[r] = 1000.0;  // their slots reused by large firms (not SMEs)
  CHECK(sim::sme_survival(fs, gone, 100.0) == Approx(2.0 / 4.0));
}
