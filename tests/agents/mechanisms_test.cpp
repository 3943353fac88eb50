// Each mechanism switched on and off in isolation, on a small traditional cluster.
#include <catch2/catch.hpp>
#include <map>

#include "agents/cluster_model.hpp"
#include "agents/mechanism_registry.hpp"
#include "scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace vicsim;
using test::small;
using test::sum;

TEST_CASE("mechanisms: with spillover off, productivity grows by innovation alone",
          "[agents][pattern][pattern_mechanisms]") {
  auto r = test::run(small({"mechanisms.knowledge.spillover_enabled=false"}));
  CHECK(sum(r.series, &sim::TickMetrics::imitations) == 0);
  CHECK(sum(r.series, &sim::TickMetrics::innovations) > 0);
  // Every incumbent whose productivity rose did so in a tick where it innovated; with innovation
  // also off, no incumbent's productivity changes at all.
  auto frozen = test::run(small(
      {"mechanisms.knowledge.spillover_enabled=false", "mechanisms.knowledge.innovation_enabled=false"}));
  auto base = test::run(small({"mechanisms.knowledge.spillover_enabled=false",
                               "mechanisms.knowledge.innovation_enabled=false", "ticks=1"}));
  // Firms are matched by id (the runs compacted exited slots at different months): every firm of the
  // one-month run that the long run still holds has the same productivity.
  const auto& f = frozen.model->world().firms;
  const auto& b = base.model->world().firms;
  std::size_t compared = 0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i)
    if (const sim::FirmIndex j = b.slot_of(f.id(i)); j != sim::Firms::kGone) {
      REQUIRE(f.productivity[i] == b.productivity[j]);
      ++compared;
    }
  INFO("firms compared: " << compared << " of " << b.size());
  CHECK(compared * 2 > b.size());  // most of the month-1 population
  CHECK(sum(frozen.series, &sim::TickMetrics::innovations) == 0);
  CHECK(r.series.back().productivity_mean > frozen.series.back().productivity_mean);
  const double imit = sum(r.series, &sim::TickMetrics::imitations),
               innov = sum(r.series, &sim::TickMetrics::innovations);
  test::record({"pattern 3: innovation only", "docs/ODD.md §8 pattern 3 (mechanism switch)",
                "spillovers off: no imitations, some innovations; innovation also off: productivities frozen",
                "exact", "imitations " + test::num(imit) + ", innovations " + test::num(innov),
                imit == 0 && innov > 0, "build/tests/vicsim_tests \"[pattern_mechanisms]\" -s"});
}

TEST_CASE("mechanisms: with spillover off, every firm whose productivity rose innovated in that month",
          "[agents][pattern][pattern_mechanisms]") {
  // docs/ODD.md §8 pattern 3, at the firm level: month by month, an incumbent's productivity rises only in a
  // month its innovation draw succeeded (innovated = 1); imitation, the other route, is off.
  const auto s = small({"mechanisms.knowledge.spillover_enabled=false"});
  auto model = scenarios::build_model(s, 1);
  const auto& f = model.world().firms;
  std::size_t rose = 0;
  for (std::int32_t t = 0; t < s.ticks; ++t) {
    std::map<std::uint64_t, double> before;
    for (sim::FirmIndex i = 0; i < f.size(); ++i)
      if (f.alive[i]) before[f.id(i)] = f.productivity[i];
    model.step();
    for (sim::FirmIndex i = 0; i < f.size(); ++i) {
      const auto b = before.find(f.id(i));
      if (!f.alive[i] || b == before.end() || f.productivity[i] <= b->second) continue;
      ++rose;
      INFO("month " << model.world().tick << ", firm " << f.id(i) << ": " << b->second << " -> "
                    << f.productivity[i]);
      REQUIRE(f.innovated[i] == 1);
      REQUIRE(f.imitated[i] == 0);
    }
  }
  INFO("productivity rises checked: " << rose);
  CHECK(rose > 0);
}

TEST_CASE("mechanisms: spillovers speed up productivity growth", "[agents]") {
  auto with = test::run(small());
  auto without = test::run(small({"mechanisms.knowledge.spillover_enabled=false"}));
  CHECK(sum(with.series, &sim::TickMetrics::imitations) > 0);
  CHECK(with.series.back().productivity_mean > without.series.back().productivity_mean);
}

TEST_CASE("mechanisms: with trade off there are no ties and every input is bought spot", "[agents]") {
  auto r = test::run(small({"mechanisms.trade.enabled=false"}));
  for (const auto& m : r.series) {
    REQUIRE(m.ties == 0);
    REQUIRE(m.spot_share == Approx(1.0));
  }
  auto on = test::run(small());
  CHECK(on.series.back().spot_share < 0.5);  // ties carry most inputs when trade is on
  // Spot buying carries a premium: transaction cost per unit is higher without ties.
  CHECK(r.series.back().transaction_cost_per_unit > on.series.back().transaction_cost_per_unit);
}

TEST_CASE("mechanisms: entry and exit switch off independently", "[agents]") {
  auto no_entry = test::run(small({"mechanisms.demography.entry_enabled=false"}));
  CHECK(sum(no_entry.series, &sim::TickMetrics::entries) == 0);
  auto no_exit = test::run(small({"mechanisms.demography.exit_enabled=false"}));
  CHECK(sum(no_exit.series, &sim::TickMetrics::exits) == 0);
  auto both = test::run(small());
  CHECK(sum(both.series, &sim::TickMetrics::entries) > 0);
  CHECK(sum(both.series, &sim::TickMetrics::exits) > 0);
}

TEST_CASE("mechanisms: relocation barriers keep entrants at home", "[agents]") {
  auto high =
      test::run(small({"ticks=60", "regions.0.relocation_barrier=1e12", "regions.1.relocation_barrier=1e12",
                       "regions.2.relocation_barrier=1e12", "regions.3.relocation_barrier=1e12",
                       "regions.4.relocation_barrier=1e12", "regions.5.relocation_barrier=1e12"}));
  CHECK(sum(high.series, &sim::TickMetrics::relocations) == 0);
  auto none = test::run(small({"ticks=60", "regions.0.relocation_barrier=0", "regions.1.relocation_barrier=0",
                               "regions.2.relocation_barrier=0", "regions.3.relocation_barrier=0",
                               "regions.4.relocation_barrier=0", "regions.5.relocation_barrier=0"}));
  CHECK(sum(none.series, &sim::TickMetrics::relocations) > 0);
}

TEST_CASE("mechanisms: tie decay off and no switching keeps every supply tie", "[agents]") {
  auto r = test::run(small({"mechanisms.ties.decay_enabled=false", "mechanisms.trade.switch_probability=0",
                            "mechanisms.trade.sales_search_probability=0"}));
  CHECK(sum(r.series, &sim::TickMetrics::ties_dissolved) == 0);
  auto d = test::run(small());
  CHECK(sum(d.series, &sim::TickMetrics::ties_dissolved) > 0);
}

TEST_CASE("mechanisms: collaboration ties create clustering", "[agents]") {
  auto off = test::run(small({"mechanisms.knowledge.collaboration_enabled=false"}));
  auto on = test::run(small());
  CHECK(on.series.back().clustering > off.series.back().clustering + 0.05);
}

TEST_CASE("mechanisms: results do not depend on the thread count", "[agents]") {
  auto s = small({"mechanisms.population.count=6000", "ticks=12"});  // large enough for the parallel path
  auto one = test::run(s, 1);
  auto two = test::run(s, 2);
  REQUIRE(one.series.size() == two.series.size());
  for (std::size_t t = 0; t < one.series.size(); ++t)
    for (const auto& c : agents::timeseries_columns())
      REQUIRE(one.series[t].*(c.member) == two.series[t].*(c.member));
}
