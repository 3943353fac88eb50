#include "sim/exited_firms.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::sim;

TEST_CASE("ExitedFirms keeps rows by id across batches and only counts warm-up exits", "[firms]") {
  Firms fs;
  for (int k = 0; k < 6; ++k) {
    const FirmIndex i = fs.add();
    fs.employees[i] = 50.0 * (k + 1);
    fs.alive[i] = 0;
    fs.exit_tick[i] = k == 0 ? -3 : 10 + k;  // firm 0 exited during the warm-up
    fs.cash[i] = Money{1000.0 * k};
  }
  ExitedFirms x;
  // A later batch may hold smaller ids than an earlier one (an old firm that exits late).
  x.add(fs, 4);
  x.add(fs, 5);
  x.finish();
  x.add(fs, 0);
  x.add(fs, 2);
  x.finish();
  REQUIRE(x.size() == 4);         // the warm-up exit counts as compacted away
  REQUIRE(x.rows().size() == 3);  // no row for the warm-up exit
  CHECK(x.rows()[0].id == 2);
  CHECK(x.rows()[1].id == 4);
  CHECK(x.rows()[2].id == 5);
  CHECK(x.rows()[0].exit_tick == 12);
  CHECK(x.rows()[0].cash.yuan == 2000.0);
  CHECK(x.rows()[0].employees == 150.0);
  // Employees at exit: 150, 250, 300 (the warm-up exit's 50 is not counted, as outputs skip the warm-up).
  CHECK(x.count_below(150.0) == 0);
  CHECK(x.count_below(150.5) == 1);
  CHECK(x.count_below(300.0) == 2);
  CHECK(x.count_below(1e9) == 3);
}
