#include "sim/phase_clock.hpp"

#include <time.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using vicsim::sim::PhaseClock;

namespace {
/** CPU time of the calling thread (s). */
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

/** Spins until the calling thread has used `seconds` of CPU time (not wall time: on a loaded machine a
 * wall-time spin may get almost no CPU, and the CPU checks below would fail for the load's sake), computing
 * something the compiler cannot drop. */
double busy(double seconds) {
  const double end = thread_cpu_seconds() + seconds;
  double x = 1.0;
  while (thread_cpu_seconds() < end)
    for (int k = 0; k < 1000; ++k) x = std::sqrt(x + 1.0);
  return x;
}
}  // namespace

TEST_CASE("phase_clock: a busy phase costs CPU time, a sleeping phase only wall time", "[sim]") {
  PhaseClock clock;
  clock.start();
  volatile double sink = busy(0.05);
  (void)sink;
  clock.lap("busy");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  clock.lap("sleep");
  clock.lap("busy");  // a second lap of the same name adds to it
  const auto& p = clock.phases();
  REQUIRE(p.size() == 2);
  CHECK(p[0].name == "busy");
  CHECK(p[0].laps == 2);
  CHECK(p[1].name == "sleep");
  // The busy phase ran on this thread: its CPU time (process and this thread) is most of its wall time
  // on an idle core and at least some of it on a loaded one; CPU time never exceeds what one thread can use.
  CHECK(p[0].cpu_seconds > 0.005);
  CHECK(p[0].main_cpu_seconds > 0.005);
  CHECK(p[0].main_cpu_seconds <= p[0].seconds + 1e-3);
  // Sleeping takes wall time and (almost) no CPU.
  CHECK(p[1].seconds >= 0.045);
  CHECK(p[1].cpu_seconds < 0.02);
  CHECK(p[1].main_cpu_seconds < 0.02);
}

TEST_CASE("phase_clock: the process CPU column counts other threads, the main-thread column does not",
          "[sim]") {
  PhaseClock clock;
  clock.start();
  std::thread worker([] {
    volatile double sink = busy(0.05);
    (void)sink;
  });
  worker.join();  // this thread only waits
  clock.lap("worker");
  const auto& p = clock.phases();
  REQUIRE(p.size() == 1);
  CHECK(p[0].cpu_seconds > 0.005);
  CHECK(p[0].main_cpu_seconds < 0.5 * p[0].cpu_seconds);
}

TEST_CASE("phase_clock: merge adds wall and CPU times by name", "[sim]") {
  PhaseClock a, b;
  a.start();
  volatile double sink = busy(0.01);
  (void)sink;
  a.lap("x");
  b.start();
  b.lap("x");
  b.lap("y");
  const double cpu = a.phases()[0].cpu_seconds + b.phases()[0].cpu_seconds;
  a.merge(b);
  REQUIRE(a.phases().size() == 2);
  CHECK(a.phases()[0].laps == 2);
  CHECK(a.phases()[0].cpu_seconds == cpu);
  CHECK(a.phases()[1].name == "y");
}

TEST_CASE("phase_clock: the lap hook sees every lap's phase, and its own time is in no phase", "[sim]") {
  PhaseClock clock;
  std::vector<std::string> seen;
  clock.set_lap_hook([&](std::string_view name) {
    seen.emplace_back(name);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // time the phases must not count
  });
  clock.start();
  clock.lap("a");
  clock.lap("b");
  clock.lap("a");
  CHECK(seen == std::vector<std::string>{"a", "b", "a"});
  double wall = 0.0;
  for (const auto& p : clock.phases()) wall += p.seconds;
  CHECK(wall < 0.3);  // the three hooks slept 600 ms between the laps; counted, the sum would pass 0.6 s
}
