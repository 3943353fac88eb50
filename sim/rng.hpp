#pragma once
/** @file Counter-based random streams keyed by (seed, stream, agent, tick).
 *
 * Every draw is a pure function of its key and a draw counter (Philox4x32-10 from
 * Random123), so results do not depend on thread count, loop order or creation order.
 */
#include <Random123/philox.h>

#include <cstdint>

namespace vicsim::sim {

/** @brief Named random streams: one per mechanism, so switching one off does not shift the others. */
enum class Stream : std::uint32_t {
  Population = 1,
  InitialTies,
  Demand,
  Search,
  TieDecay,
  Innovation,
  Imitation,
  Entry,
  EntryLocation,
  Capacity,
  Rewire,
  Collaboration,
  Adoption,
  PlatformJoin,
  Forecast,
  PlatformStrategy,
  Interconnection,
  AdoptionThreshold,
  NetworkSample,  ///< firms drawn for the sampled clustering estimate (metrics, not the model)
  Delivery,       ///< on-time and defect draws of each delivery (7.30)
  Reliability,    ///< drift of firms' hidden reliability (7.30)
  Founding,       ///< platform founders acting on a positive case (agents/platform_founding.cpp)
};

/** @brief A generator for one (seed, stream, agent, tick) key; successive calls advance a draw counter. */
class Rng {
 public:
  Rng(std::uint64_t seed, Stream stream, std::uint64_t agent, std::uint64_t tick) {
    key_ = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
    ctr_ = {{static_cast<std::uint32_t>(tick), static_cast<std::uint32_t>(agent),
             static_cast<std::uint32_t>(agent >> 32) ^ (static_cast<std::uint32_t>(stream) << 16), 0u}};
  }

  /** @brief 64 uniformly random bits. */
  std::uint64_t next_u64() {
    if (pos_ == 0) {
      block_ = philox_(ctr_, key_);
      ++ctr_.v[3];
    }
    const std::uint64_t hi = block_.v[pos_], lo = block_.v[pos_ + 1];
    pos_ = (pos_ + 2) % 4;
    return (hi << 32) | lo;
  }

  /** @brief Uniform double in [0, 1) with 53 random bits. */
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  /** @brief Uniform double in (0, 1], safe for log(). */
  double uniform_open0() { return 1.0 - uniform(); }

  /** @brief Uniform integer in [0, n) (Lemire's unbiased method); n must be > 0. */
  std::uint64_t below(std::uint64_t n);

 private:
  r123::Philox4x32 philox_;
  r123::Philox4x32::key_type key_{};
  r123::Philox4x32::ctr_type ctr_{};
  r123::Philox4x32::ctr_type block_{};
  unsigned pos_ = 0;
};

}  // namespace vicsim::sim
