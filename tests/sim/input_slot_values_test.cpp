#include "sim/input_slot_values.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::sim;

TEST_CASE("InputSlotValues: slots() numbers per firm, firm after firm", "[input_slot_values]") {
  InputSlotValues v;
  v.push_back(0.0);  // a firm added before the slots are known
  CHECK(v.size() == 1);
  CHECK(v[0].empty());
  v.set_slots(2, 0.0);
  CHECK(v.size() == 1);
  CHECK(v[0].size() == 2);
  v.push_back(0.0);
  v[1][0] = 3.0;
  v[1][1] = 4.0;
  v[0][1] = 1.0;
  CHECK(v.size() == 2);
  CHECK(v[0][0] == 0.0);
  CHECK(v[0][1] == 1.0);
  CHECK(v[1][0] == 3.0);
  CHECK(v[1][1] == 4.0);
  // More slots: every firm keeps its values, the new slot holds the fill.
  v.set_slots(3, 0.0);
  CHECK(v[0][1] == 1.0);
  CHECK(v[1][0] == 3.0);
  CHECK(v[1][1] == 4.0);
  CHECK(v[1][2] == 0.0);
  const InputSlotValues copy = v;
  CHECK(copy[1][1] == 4.0);
}
