#include "sim/refill.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using vicsim::sim::refill;
using vicsim::sim::resize_kept;

TEST_CASE("refill: every element set; the buffer kept while it is large enough", "[sim]") {
  std::vector<double> v;
  refill(v, 100, 2.5);
  REQUIRE(v.size() == 100);
  for (const double x : v) CHECK(x == 2.5);
  const double* kept = v.data();
  v[7] = -1.0;
  refill(v, 60, 0.0);  // smaller: same buffer, every element reset
  CHECK(v.data() == kept);
  REQUIRE(v.size() == 60);
  for (const double x : v) CHECK(x == 0.0);
  refill(v, v.capacity(), 1.0);  // exactly the capacity: still the same buffer
  CHECK(v.data() == kept);
}

TEST_CASE("refill: a slightly larger size grows the buffer by half, so the next months fit", "[sim]") {
  // Firms enter every month: sizes 1000, 1010, 1020, … A buffer of exactly each size would be a new one
  // every month; with half again as much room, the next ten months fit in the first regrowth.
  std::vector<std::uint32_t> v;
  refill(v, 1000, std::uint32_t{0});
  const std::size_t first = v.capacity();
  refill(v, first + 1, std::uint32_t{3});
  CHECK(v.capacity() >= first + first / 2);
  const auto* grown = v.data();
  for (std::size_t n = first + 1; n <= first + 10 * (first / 20); n += first / 20) {
    refill(v, n, std::uint32_t{3});
    CHECK(v.data() == grown);
    CHECK(v.back() == 3u);
  }
}

TEST_CASE("resize_kept: the size asked for, kept elements kept, the same growth rule", "[sim]") {
  std::vector<int> v{1, 2, 3};
  v.shrink_to_fit();
  resize_kept(v, 2);
  REQUIRE(v.size() == 2);
  CHECK(v[0] == 1);
  CHECK(v[1] == 2);
  const std::size_t cap = v.capacity();
  resize_kept(v, cap + 1);
  CHECK(v.size() == cap + 1);
  CHECK(v.capacity() >= cap + cap / 2);
  CHECK(v[1] == 2);
}
