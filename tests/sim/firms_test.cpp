#include "sim/firms.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::sim;

TEST_CASE("Firms::add appends one slot to every array with the new-firm values", "[firms]") {
  Firms fs;
  const FirmIndex a = fs.add();
  const FirmIndex b = fs.add();
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(fs.size() == 2);
  // The first, a middle and the last arrays of the list, and the two per-slot lists.
  CHECK(fs.region.size() == 2);
  CHECK(fs.loan.size() == 2);
  CHECK(fs.input_stock.size() == 2);
  CHECK(fs.input_spot.size() == 2);
  CHECK(fs.platform_value.size() == 2);
  CHECK(fs.alive[b] == 1);
  CHECK(fs.exit_tick[b] == -1);
  CHECK(fs.reputation[b] == 0.5);
  CHECK(fs.fill[b] == 1.0);
  CHECK(fs.app_platform[b] == -1);
  CHECK(fs.input_stock[b].empty());  // no input slots set
}

TEST_CASE("Firms::reserve keeps the arrays in place while slots are added up to the reservation", "[firms]") {
  Firms fs;
  fs.set_input_slots(2);
  fs.add();
  fs.reserve(1000);
  CHECK(fs.size() == 1);
  const auto* region = fs.region.data();
  const auto* loan = fs.loan.data();
  const auto* stock = fs.input_stock[0].data();
  const auto* last = fs.platform_value.data();
  for (int k = 1; k < 1000; ++k) fs.add();
  CHECK(fs.region.data() == region);
  CHECK(fs.loan.data() == loan);
  CHECK(fs.input_stock[0].data() == stock);
  CHECK(fs.platform_value.data() == last);
}

TEST_CASE("Firms::bytes counts every slot's elements, input slots included, not the reservation", "[firms]") {
  Firms fs;
  fs.set_input_slots(2);
  fs.reserve(100);
  CHECK(fs.bytes() == 0);
  fs.add();
  const std::size_t one = fs.bytes();
  CHECK(one > 2 * sizeof(double));  // at least the two input-slot lists' values
  fs.add();
  CHECK(fs.bytes() == 2 * one);
  // One more input slot per firm adds one double per firm to each of the two per-slot lists.
  fs.set_input_slots(3);
  CHECK(fs.bytes() == 2 * (one + 2 * sizeof(double)));
}

TEST_CASE("Firms::id is the creation rank, and an exit changes no firm's id", "[firms]") {
  Firms fs;
  for (int k = 0; k < 5; ++k) fs.add();
  fs.alive[1] = 0;  // an exit
  fs.exit_tick[1] = 3;
  const FirmIndex late = fs.add();
  for (FirmIndex i = 0; i < 5; ++i) CHECK(fs.id(i) == i);
  // The entrant after the exit gets the next rank, not the exited firm's.
  CHECK(fs.id(late) == 5);
}
