// The model's construction: the unrecorded warm-up before month 1 (docs/ODD.md 7.1a).
#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "sim/infrastructure_layer.hpp"
#include "sim/phase_clock.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("cluster_model: the warm-up runs before month 1 and leaves every start month its meaning",
          "[agents]") {
  // classroom_vouchers.json: 300 firms, platforms launching at months 0, 6 and 12, vouchers from month 12.
  auto s = test::load("classroom_vouchers.json", {"ticks=14"});
  REQUIRE(s.mechanisms.population.warmup_months == 36);
  auto r = test::run(s);
  const auto& w = r.model->world();
  const auto& f = w.firms;
  // Firms did exit and enter during the warm-up, and the survivors count as the initial population. Exited
  // firms compacted away are in the archive: a row only if they exited in a recorded month.
  std::size_t exited_before = w.exited.size() - w.exited.rows().size(), entered_during_run = 0;
  for (const auto& row : w.exited.rows()) {
    CHECK(row.exit_tick >= 1);
    if (row.entry_tick > 0) ++entered_during_run;
  }
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i] && f.exit_tick[i] < 1) {
      ++exited_before;  // not written to firms.csv
      continue;
    }
    if (f.entry_tick[i] < 0) FAIL("firm " << i << " has entry tick " << f.entry_tick[i]);
    if (f.entry_tick[i] > 0) ++entered_during_run;
  }
  CHECK(exited_before > 0);
  CHECK(f.created() > s.mechanisms.population.count + entered_during_run);  // warm-up entrants exist too
  // Month 1 is tick 1; nothing was adopted, launched or spent before it.
  REQUIRE(r.series.front().tick == 1);
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (f.cloud_tick[i] >= 0) CHECK(f.cloud_tick[i] >= 1);
    if (f.first_join_tick[i] >= 0) CHECK(f.first_join_tick[i] >= 1);
  }
  for (const auto& m : r.series) {
    INFO("month " << m.tick);
    if (m.tick < 12) CHECK(m.policy_spend == 0.0);
  }
  CHECK(r.series[11].policy_spend > 0.0);  // the vouchers start at month 12, as in the scenario
  // The launch-month-6 platform is not alive before month 6.
  CHECK(r.series[4].platforms_alive < r.series[12].platforms_alive);

  // Without the warm-up the month-1 population is the populated one, none exited.
  auto cold =
      test::run(test::load("classroom_vouchers.json", {"ticks=1", "mechanisms.population.warmup_months=0"}));
  const auto& cf = cold.model->world().firms;
  for (sim::FirmIndex i = 0; i < cf.size(); ++i) CHECK((cf.alive[i] || cf.exit_tick[i] == 1));
}

TEST_CASE("cluster_model: the warm-up months' phase times are kept apart from the recorded months'",
          "[agents]") {
  // 13 warm-up months: compaction before months 1, 7 and 13 of the warm-up (every kCompactTiesEvery = 6).
  auto s = test::load("traditional.json", {"mechanisms.population.count=200", "ticks=1",
                                           "mechanisms.population.warmup_months=13"});
  auto model = scenarios::build_model(s, 1);
  const auto lap_count = [](const sim::PhaseClock& clock, std::string_view name) {
    for (const auto& p : clock.phases())
      if (p.name == name) return p.laps;
    return std::int64_t{-1};
  };
  CHECK(lap_count(model.warm_up_clock(), "orders") == 13);
  CHECK(lap_count(model.warm_up_clock(), "settlement") == 13);
  CHECK(lap_count(model.warm_up_clock(), "compaction") == 3);
  CHECK(model.phase_clock().phases().empty());  // the recorded months start with an empty clock
  model.step();
  CHECK(lap_count(model.phase_clock(), "orders") == 1);
  CHECK(lap_count(model.warm_up_clock(), "orders") == 13);  // the warm-up's stays as it was

  auto cold = scenarios::build_model(
      test::load("traditional.json",
                 {"mechanisms.population.count=200", "mechanisms.population.warmup_months=0"}),
      1);
  CHECK(cold.warm_up_clock().phases().empty());
}

TEST_CASE("cluster_model: a finished run gives its SimGrid slots back, and cannot step after", "[agents]") {
  // 32 platform slots per model (declared + founded) is the whole data-centre pool: a second model (a
  // counterfactual twin, as `vicsim run` makes for shocks and pilots) can be built only once the first has
  // released its slots.
  auto s = test::load("platform_led.json",
                      {"mechanisms.population.count=200", "ticks=2", "mechanisms.founding.enabled=true",
                       "mechanisms.founding.max_founded=32"});
  auto first = scenarios::build_model(s, 1);
  REQUIRE(first.world().platforms.size() == sim::kDatacentreSlots);
  CHECK_THROWS_AS(scenarios::build_model(s, 1), sim::InfrastructurePoolExhausted);
  first.release_infrastructure();
  CHECK_THROWS_AS(first.step(), std::logic_error);
  auto twin = scenarios::build_model(s, 1);
  twin.step();
  CHECK(twin.world().tick == 1);
}
