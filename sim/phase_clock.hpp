#pragma once
/** @file Wall-clock time per named phase, accumulated over ticks. The model and the tick loop only lap it;
 * `vicsim bench` reads it (the model never prints). */
#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

namespace vicsim::sim {

/** @brief Accumulates the time between consecutive laps under each lap's name, in first-lap order. */
class PhaseClock {
 public:
  /** @brief One named phase. */
  struct Phase {
    std::string_view name;  ///< a string literal (the clock keeps the view)
    double seconds = 0.0;   ///< wall time summed over all laps, s
    std::int64_t laps = 0;
  };

  /** @brief Starts timing the next phase now. */
  void start() { last_ = Clock::now(); }
  /** @brief Adds the time since the last start() or lap() to phase `name` and starts the next phase. */
  void lap(std::string_view name) {
    const auto now = Clock::now();
    Phase& p = find(name);
    p.seconds += std::chrono::duration<double>(now - last_).count();
    ++p.laps;
    last_ = now;
  }
  /** @brief Adds another clock's phases (by name) to this one's. */
  void merge(const PhaseClock& other) {
    for (const auto& q : other.phases_) {
      Phase& p = find(q.name);
      p.seconds += q.seconds;
      p.laps += q.laps;
    }
  }
  /** @brief The phases in the order they were first lapped. */
  const std::vector<Phase>& phases() const { return phases_; }

 private:
  using Clock = std::chrono::steady_clock;
  Phase& find(std::string_view name) {
    for (auto& p : phases_)
      if (p.name.data() == name.data() || p.name == name) return p;
    return phases_.emplace_back(Phase{name});
  }
  std::vector<Phase> phases_;
  Clock::time_point last_ = Clock::now();
};

}  // namespace vicsim::sim
