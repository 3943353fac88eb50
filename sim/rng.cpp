#include "sim/rng.hpp"

namespace vicsim::sim {

std::uint64_t Rng::below(std::uint64_t n) {
  // Lemire (2019): multiply-shift with rejection of the biased low region.
  __extension__ using u128 = unsigned __int128;
  u128 m = static_cast<u128>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<u128>(next_u64()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace vicsim::sim
