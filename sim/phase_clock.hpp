#pragma once
/** @file Wall time and CPU time per named phase, accumulated over ticks. The model and the tick loop only lap
 * it; `vicsim bench` reads it (the model never prints). On a shared machine wall time counts the slices other
 * processes took; CPU time does not, so the CPU columns are the ones to compare between runs. */
#include <time.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace vicsim::sim {

/** @brief CPU seconds consumed so far by clock `id` (CLOCK_PROCESS_CPUTIME_ID: every thread of the process;
 * CLOCK_THREAD_CPUTIME_ID: the calling thread), at nanosecond resolution. */
inline double cpu_seconds(clockid_t id) {
  timespec ts{};
  ::clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

/** @brief Accumulates the time between consecutive laps under each lap's name, in first-lap order. */
class PhaseClock {
 public:
  /** @brief One named phase. */
  struct Phase {
    std::string_view name;          ///< a string literal (the clock keeps the view)
    double seconds = 0.0;           ///< wall time summed over all laps, s
    double cpu_seconds = 0.0;       ///< CPU time of all the process's threads (workers included), s
    double main_cpu_seconds = 0.0;  ///< CPU time of the thread that laps the clock, s
    std::int64_t laps = 0;
  };

  /** @brief Starts timing the next phase now. */
  void start() { last_ = now(); }
  /** @brief Adds the time since the last start() or lap() to phase `name` and starts the next phase. */
  void lap(std::string_view name) {
    const Stamp t = now();
    Phase& p = find(name);
    p.seconds += std::chrono::duration<double>(t.wall - last_.wall).count();
    p.cpu_seconds += t.cpu - last_.cpu;
    p.main_cpu_seconds += t.thread_cpu - last_.thread_cpu;
    ++p.laps;
    if (!hook_) {
      last_ = t;
      return;
    }
    hook_(p.name);
    last_ = now();  // after the hook, so its own time is not any phase's
  }
  /** @brief Calls `hook(name)` at the end of every lap (e.g. `vicsim bench` reading the peak RSS after each
   * phase); the hook's own time is not counted in any phase. */
  void set_lap_hook(std::function<void(std::string_view)> hook) { hook_ = std::move(hook); }
  /** @brief Adds another clock's phases (by name) to this one's. */
  void merge(const PhaseClock& other) {
    for (const auto& q : other.phases_) {
      Phase& p = find(q.name);
      p.seconds += q.seconds;
      p.cpu_seconds += q.cpu_seconds;
      p.main_cpu_seconds += q.main_cpu_seconds;
      p.laps += q.laps;
    }
  }
  /** @brief The phases in the order they were first lapped. */
  const std::vector<Phase>& phases() const { return phases_; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Stamp {
    Clock::time_point wall;
    double cpu = 0.0, thread_cpu = 0.0;
  };
  static Stamp now() {
    return {Clock::now(), cpu_seconds(CLOCK_PROCESS_CPUTIME_ID), cpu_seconds(CLOCK_THREAD_CPUTIME_ID)};
  }
  Phase& find(std::string_view name) {
    for (auto& p : phases_)
      if (p.name.data() == name.data() || p.name == name) return p;
    return phases_.emplace_back(Phase{name});
  }
  std::vector<Phase> phases_;
  std::function<void(std::string_view)> hook_;
  Stamp last_ = now();
};

}  // namespace vicsim::sim
