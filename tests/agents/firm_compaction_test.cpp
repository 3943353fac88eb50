// Compaction of exited firms' slots (agents/firm_compaction.cpp): the model context's per-slot state follows
// the firms it belongs to, and the tick loop does compact.
#include "agents/firm_compaction.hpp"

#include <cstring>
#include <map>

#include "test_support.hpp"

using namespace vicsim;

namespace {

/** What the context holds for one firm, read through its slot. */
struct FirmState {
  double voucher = 0.0, output_scale = 0.0, export_units = 0.0;
  std::uint32_t access = 0;
  std::vector<double> lanes;  // own flow to each region
  bool member_listed = false;
  friend bool operator==(const FirmState&, const FirmState&) = default;
};

std::map<std::uint64_t, FirmState> state_by_id(const agents::ModelContext& c) {
  std::map<std::uint64_t, FirmState> m;
  const auto& f = c.world.firms;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    FirmState s;
    s.voucher = i < c.voucher_share.size() ? c.voucher_share[i] : -1.0;
    s.output_scale = i < c.output_scale.size() ? c.output_scale[i] : -1.0;
    s.export_units = i < c.export_units.size() ? c.export_units[i] : -1.0;
    s.access = i < c.access_index.size() ? c.access_index[i] : 0xFFFFFFFFu;
    for (std::size_t r = 0; r < c.world.regions.size(); ++r) s.lanes.push_back(c.lanes.own_flow(i, r));
    s.member_listed = std::find(c.alive_members.begin(), c.alive_members.end(), i) != c.alive_members.end();
    m[f.id(i)] = s;
  }
  return m;
}

}  // namespace

TEST_CASE("firm_compaction: per-slot state follows its firm, and exited firms are dropped", "[agents]") {
  auto s = test::load("platform_led.json", {"mechanisms.population.count=600"});
  auto model = scenarios::build_model(s, 1, /*compact_exited_firms=*/false);
  for (int t = 0; t < 13; ++t) model.step();  // no compaction since the warm-up
  auto& c = model.mutable_context();
  const auto& f = c.world.firms;
  std::size_t dead = 0, lanes_used = 0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) dead += !f.alive[i];
  REQUIRE(dead > 0);
  const auto before = state_by_id(c);
  for (const auto& [id, st] : before)
    for (double x : st.lanes) lanes_used += x > 0.0;
  REQUIRE(lanes_used > 0);
  const std::size_t slots = f.size(), created = f.created(), archived = c.world.exited.size();

  agents::compact_firm_slots(c);
  CHECK(f.size() == slots - dead);
  CHECK(f.created() == created);
  CHECK(c.world.exited.size() == archived + dead);
  CHECK(boost::num_vertices(c.world.network) == f.size());
  for (sim::FirmIndex i = 0; i < f.size(); ++i) CHECK(f.alive[i]);
  CHECK(c.directory.alive().size() == f.size());
  CHECK(state_by_id(c) == before);  // every alive firm reads what it read before, under its id
  for (const auto& members : c.members_of_type)
    for (const sim::FirmIndex m : members) CHECK(f.platforms[m] != 0);
}

TEST_CASE("firm_compaction: the tick loop compacts, and the run's metrics are those without it", "[agents]") {
  auto s = test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=30"});
  auto r = test::run(s);
  const auto& f = r.model->world().firms;
  std::size_t dead = 0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) dead += !f.alive[i];
  // Only firms that exited since the last compaction (month 25) keep a slot.
  for (sim::FirmIndex i = 0; i < f.size(); ++i)
    if (!f.alive[i]) CHECK(f.exit_tick[i] >= 25);
  CHECK(r.model->world().exited.size() > 0);
  CHECK(f.size() + r.model->world().exited.size() == f.created());

  test::RunResult kept;
  kept.model = std::make_unique<agents::ClusterModel>(scenarios::build_model(s, 1, false));
  kept.series = agents::run_simulation(*kept.model, s.ticks, {});
  CHECK(kept.model->world().firms.size() == f.created());
  REQUIRE(kept.series.size() == r.series.size());
  // Every column but service_latency_ms, the SimGrid layer's measured latency: SimGrid's engine is one per
  // process, and a second model in the same process measures other latencies even with the same scenario
  // (checked: two compacting runs differ there too). cli.compaction_equivalence compares it across processes.
  for (std::size_t t = 0; t < r.series.size(); ++t)
    for (const auto& col : sim::columns()) {
      if (col.name == "service_latency_ms") continue;
      INFO("month " << t + 1 << ", " << col.name);
      const double a = kept.series[t].*col.member, b = r.series[t].*col.member;
      CHECK(std::memcmp(&a, &b, sizeof a) == 0);  // the same bits (NaN included)
    }
}
