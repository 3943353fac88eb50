#include "sim/parallel_for.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using namespace vicsim::sim;

TEST_CASE("parallel_for calls every index exactly once for any thread count", "[sim]") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    const std::size_t n = 100'003;  // not a multiple of any grain
    std::vector<std::uint32_t> hits(n, 0);
    parallel_for(n, threads, [&](std::size_t i) { ++hits[i]; });
    std::size_t wrong = 0;
    for (auto h : hits) wrong += h != 1;
    CHECK(wrong == 0);
  }
}

TEST_CASE("parallel_chunks gives worker indices below the thread count and sums in chunk order", "[sim]") {
  const std::size_t chunks = 997;
  std::vector<double> reference;
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<double> partial(chunks, 0.0);
    std::vector<std::uint32_t> calls(chunks, 0);
    std::vector<std::size_t> worker(chunks, 0);
    for (int rep = 0; rep < 3; ++rep)  // the arena is reused across calls
      parallel_chunks(chunks, threads, [&](std::size_t k, std::size_t w) {
        double s = 0.0;
        for (std::size_t j = 0; j < 1000; ++j) s += 1.0 / static_cast<double>(k * 1000 + j + 1);
        partial[k] = s;
        ++calls[k];
        worker[k] = w;
      });
    for (std::size_t k = 0; k < chunks; ++k) {
      REQUIRE(calls[k] == 3);
      REQUIRE(worker[k] < threads);
    }
    if (reference.empty()) reference = partial;
    CHECK(partial == reference);
  }
}
