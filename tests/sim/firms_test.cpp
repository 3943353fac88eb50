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

TEST_CASE("Firms::compact moves every array's slots down in order and keeps ids and the creation count",
          "[firms]") {
  Firms fs;
  fs.set_input_slots(2);
  for (int k = 0; k < 8; ++k) {
    const FirmIndex i = fs.add();
    fs.employees[i] = 10.0 + k;                  // a double array
    fs.stage[i] = static_cast<std::uint8_t>(k);  // a byte array
    fs.platforms[i] = 1u << k;
    fs.input_stock[i][0] = 100.0 + k;  // the flat per-input-slot values
    fs.input_stock[i][1] = 200.0 + k;
  }
  // Slots 1, 2 and 6 are dropped.
  const std::vector<FirmIndex> new_slot{0, Firms::kGone, Firms::kGone, 1, 2, 3, Firms::kGone, 4};
  fs.compact(new_slot);
  REQUIRE(fs.size() == 5);
  CHECK(fs.created() == 8);
  CHECK(fs.input_stock.size() == 5);
  Firms five;
  five.set_input_slots(2);
  for (int k = 0; k < 5; ++k) five.add();
  CHECK(fs.bytes() == five.bytes());
  const std::vector<int> kept{0, 3, 4, 5, 7};
  for (FirmIndex i = 0; i < 5; ++i) {
    const int k = kept[i];
    CHECK(fs.id(i) == static_cast<std::uint64_t>(k));
    CHECK(fs.slot_of(static_cast<std::uint64_t>(k)) == i);
    CHECK(fs.employees[i] == 10.0 + k);
    CHECK(fs.stage[i] == k);
    CHECK(fs.platforms[i] == 1u << k);
    CHECK(fs.input_stock[i][0] == 100.0 + k);
    CHECK(fs.input_stock[i][1] == 200.0 + k);
  }
  CHECK(fs.slot_of(1) == Firms::kGone);
  CHECK(fs.slot_of(6) == Firms::kGone);
  CHECK(fs.slot_of(8) == Firms::kGone);
  CHECK(fs.first_slot_from(6) == 4);  // the slot of id 7
  // An entrant after the compaction gets the next id at the end.
  const FirmIndex e = fs.add();
  CHECK(e == 5);
  CHECK(fs.id(e) == 8);
}

TEST_CASE("compact_slots cuts an array to the slots it covered, so later entrants still read as none",
          "[firms]") {
  // An array sized when there were 6 firms; firms 6 and 7 entered after it; firm 2 and firm 6 are dropped.
  std::vector<double> a{0, 1, 2, 3, 4, 5};
  const std::vector<FirmIndex> new_slot{0, 1, Firms::kGone, 2, 3, 4, Firms::kGone, 5};
  compact_slots(a, new_slot);
  CHECK(a == std::vector<double>{0, 1, 3, 4, 5});  // new slot 5 (firm 7) is past the end: "none"
}

TEST_CASE("Firms::capacity is employees times output per worker, which digital maturity raises by the gain",
          "[firms]") {
  // docs/ODD.md 7.108: output per worker = a · (1 + g · m); the knowledge stock a itself is not changed.
  Firms fs;
  const FirmIndex i = fs.add();
  fs.employees[i] = 40.0;
  fs.productivity[i] = 1.5;
  fs.digital_maturity[i] = 0.5;
  CHECK(fs.output_per_worker(i) == Approx(1.5));  // gain 0: maturity does nothing
  fs.maturity_productivity_gain = 0.223;
  CHECK(fs.output_per_worker(i) == Approx(1.5 * (1.0 + 0.223 * 0.5)).epsilon(1e-12));
  CHECK(fs.capacity(i) == Approx(40.0 * 1.5 * 1.1115).epsilon(1e-12));
  fs.digital_maturity[i] = 1.0;
  fs.disruption[i] = 0.25;
  CHECK(fs.capacity(i) == Approx(40.0 * 1.5 * 1.223 * 0.75).epsilon(1e-12));
  CHECK(fs.productivity[i] == 1.5);
}
