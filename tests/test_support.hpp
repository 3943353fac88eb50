#pragma once
// Shared helpers for tests: load bundled scenarios with overrides and run them in memory.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "agents/simulation_run.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"

namespace vicsim::test {

inline std::string bundled(const std::string& name) {
  return std::string(VICSIM_SOURCE_DIR) + "/scenarios/" + name;
}

/** Loads a bundled scenario with overrides; fails the test on any problem. */
inline scenarios::Scenario load(const std::string& name, const std::vector<std::string>& sets = {}) {
  auto r = scenarios::load_scenario_file(bundled(name), sets);
  for (const auto& p : r.problems) FAIL(p.format());
  REQUIRE(r.scenario);
  return *r.scenario;
}

/** Every problem, one per line, for INFO() messages. */
inline std::string format_all(const scenarios::Diagnostics& d) {
  std::string s;
  for (const auto& p : d) s += p.format() + "\n";
  return s;
}

/** Runs a scenario in memory and returns its time series (and the model, for inspection). */
struct RunResult {
  std::vector<sim::TickMetrics> series;
  std::unique_ptr<agents::ClusterModel> model;
};
inline RunResult run(const scenarios::Scenario& s, unsigned threads = 1) {
  RunResult r;
  r.model = std::make_unique<agents::ClusterModel>(scenarios::build_model(s, threads));
  r.series = agents::run_simulation(*r.model, s.ticks, {});
  return r;
}

/** A small, fast variant of the traditional scenario. */
inline scenarios::Scenario small(std::vector<std::string> sets = {}) {
  sets.insert(sets.begin(), {"mechanisms.population.count=400", "ticks=36"});
  return load("traditional.json", sets);
}

inline double sum(const std::vector<sim::TickMetrics>& s, double sim::TickMetrics::*m) {
  double x = 0;
  for (const auto& r : s) x += r.*m;
  return x;
}

}  // namespace vicsim::test
