#include "sim/membership_filter.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <set>

using vicsim::sim::MembershipFilter;

TEST_CASE("membership_filter: every added index may be held; most others are certainly not", "[sim]") {
  MembershipFilter f;
  f.reset(100);
  std::set<std::uint32_t> added;
  for (std::uint32_t k = 0; k < 100; ++k) added.insert(k * 7919u % 50000u);
  for (const auto v : added) f.add(v);
  for (const auto v : added) CHECK(f.may_hold(v));
  int false_hits = 0, others = 0;
  for (std::uint32_t v = 0; v < 50000; ++v)
    if (!added.count(v)) {
      ++others;
      false_hits += f.may_hold(v);
    }
  // One hash over about 16 bits per index: about 1/16 of the others pass.
  CHECK(false_hits < others / 8);
}

TEST_CASE("membership_filter: reset forgets the indices added before", "[sim]") {
  MembershipFilter f;
  f.reset(1);
  f.add(42);
  CHECK(f.may_hold(42));
  f.reset(1000);
  int hits = 0;
  for (std::uint32_t v = 0; v < 1000; ++v) hits += f.may_hold(v);
  CHECK(hits == 0);
}
