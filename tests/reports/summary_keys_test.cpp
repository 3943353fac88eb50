#include "reports/summary_keys.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "reports/run_writers.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("summary_keys: every key run_summary writes is declared, and every declared one is written",
          "[reports]") {
  // A scenario with a shock, so that every key run_summary can write is there; the pilot's two keys are
  // written by app/scenario_run.cpp and declared for the experiments' check only.
  auto s = test::load("shock_resilience.json", {"mechanisms.population.count=200", "ticks=6"});
  auto model = scenarios::build_model(s, 1);
  const auto series = agents::run_simulation(model, s.ticks, {});
  const auto j = reports::run_summary({"t", s.seed}, model, series, nullptr);
  namespace sk = reports::summary_keys;
  for (const auto& [key, value] : j.items()) {
    INFO(key);
    CHECK(std::find(sk::kTopLevel.begin(), sk::kTopLevel.end(), key) != sk::kTopLevel.end());
  }
  for (const auto key : sk::kTopLevel) {
    if (key == sk::kPilotEffect || key == sk::kPilotReplications) continue;
    INFO(key);
    CHECK(j.contains(std::string(key)));
  }
}
