#pragma once
// Shared helpers for tests: load bundled scenarios with overrides and run them in memory.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
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

/** One row of docs/VALIDATION.md: a pattern or validation case with what it was compared against. */
struct Validation {
  std::string id;         ///< short name of the case ("bass", "watts", ...); rows sort by it
  std::string source;     ///< where the target comes from (paper, analytic result, networkx)
  std::string target;     ///< what should hold
  std::string tolerance;  ///< the stated tolerance or band
  std::string measured;   ///< what this run measured
  bool pass = false;      ///< the same condition the test CHECKs
  std::string command;    ///< the command that measures it
};

/** Appends `v` as one JSON line to the file named by $VICSIM_VALIDATION_OUT, if set, so
 * docs/VALIDATION.md is generated from actual test runs (scripts/validation_report.sh). */
inline void record(const Validation& v) {
  const char* path = std::getenv("VICSIM_VALIDATION_OUT");
  if (!path || !*path) return;
  const nlohmann::json j = {{"id", v.id},
                            {"source", v.source},
                            {"target", v.target},
                            {"tolerance", v.tolerance},
                            {"measured", v.measured},
                            {"pass", v.pass},
                            {"command", v.command}};
  std::ofstream out(path, std::ios::app);
  out << j.dump() + "\n" << std::flush;  // one write per line: parallel ctest processes may append
}

/** The positive integer in environment variable `name`, or `fallback` when it is unset (a test's workload
 *  that a slower build, such as the sanitizer pass, shortens). Anything else fails the calling test. */
inline int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr) return fallback;
  char* end = nullptr;
  const long x = std::strtol(v, &end, 10);
  INFO(name << "='" << v << "' must be a positive integer");
  REQUIRE((end != v && *end == '\0' && x > 0 && x <= 1000000));
  return static_cast<int>(x);
}

/** Formats a number with `digits` significant digits. */
inline std::string num(double x, int digits = 3) {
  std::ostringstream o;
  o.precision(digits);
  o << x;
  return o.str();
}

/** Writes `text` verbatim to `name` in the temporary directory and returns the path (for file readers). */
inline std::filesystem::path write_temp_file(const std::string& name, const std::string& text) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

/** True if some problem at JSON path `path` has `words` in its message. */
inline bool has_problem(const scenarios::Diagnostics& d, const std::string& path, const std::string& words) {
  for (const auto& p : d)
    if (p.path == path && p.message.find(words) != std::string::npos) return true;
  return false;
}

/** The index of the platform with this name; fails the test if there is none. */
inline std::size_t platform_index(const sim::World& w, const std::string& name) {
  for (std::size_t p = 0; p < w.platforms.size(); ++p)
    if (w.platforms[p].name == name) return p;
  FAIL("no platform " << name);
  return 0;
}

/** The last alive firm (in slot order) that belongs to platform p and to no other, with more than
 * min_employees workers; fails the test if there is none. */
inline sim::FirmIndex sole_member_of(const agents::ModelContext& c, std::size_t p,
                                     double min_employees = 0.0) {
  std::optional<sim::FirmIndex> found;
  for (auto i : c.directory.alive())
    if (c.world.firms.platforms[i] == (1u << p) && c.world.firms.employees[i] > min_employees) found = i;
  REQUIRE(found);
  return *found;
}

/** The first edge, in edge order, whose tie and buyer (the edge's target) satisfy pred(tie, buyer); fails the
 * test if there is none. */
template <class Pred>
sim::TieEdge first_edge(const sim::SupplyGraph& g, Pred&& pred) {
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    if (pred(g[*e], static_cast<sim::FirmIndex>(boost::target(*e, g)))) return *e;
  FAIL("no tie satisfies the test's condition");
  throw std::logic_error("unreachable");
}

}  // namespace vicsim::test
