// Point, line and surface as mechanism, and the 1+N middle platform's three services (docs/ODD.md 7.51–7.52).
#include "agents/platform_hierarchy.hpp"

#include "agents/platform_services.hpp"
#include "agents/platform_strategy.hpp"
#include "reports/paired_comparison.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
/** Members of the industry ("line") platforms summed over months 1..T (member-months). */
double line_member_months(const scenarios::Scenario& s) {
  auto model = scenarios::build_model(s, 1);
  double total = 0;
  for (std::int32_t t = 0; t < s.ticks; ++t) {
    model.step();
    for (const auto& pl : model.world().platforms)
      if (pl.alive && pl.level == sim::PlatformLevel::Industry) total += pl.members;
  }
  return total;
}
}  // namespace

TEST_CASE("platform_hierarchy: lines link to the surface, and the surface's lines reach each other",
          "[agents]") {
  const auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=14"}));
  const auto& w = r.model->world();
  const auto surface = static_cast<std::int32_t>(test::platform_index(w, "Foshan Surface")),
             cosmo = static_cast<std::int32_t>(test::platform_index(w, "COSMO-Appliances")),
             elink = static_cast<std::int32_t>(test::platform_index(w, "E-Link Electronics"));
  CHECK(w.platforms[static_cast<std::size_t>(cosmo)].parent == surface);
  CHECK(w.platforms[static_cast<std::size_t>(elink)].parent == surface);
  const auto reach = agents::hierarchy_reach(w, static_cast<std::size_t>(cosmo));
  CHECK(((reach >> elink) & 1u) == 1u);    // cross-industry matchmaking through the surface
  CHECK(((reach >> surface) & 1u) == 1u);  // the surface's own members
  const auto off = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=14",
                                                              "mechanisms.hierarchy.enabled=false"}));
  CHECK(off.model->world().platforms[static_cast<std::size_t>(cosmo)].parent == -1);
  CHECK(((agents::hierarchy_reach(off.model->world(), static_cast<std::size_t>(cosmo)) >> elink) & 1u) == 0u);
}

TEST_CASE(
    "platform_hierarchy: the surface's data value follows its lines' trade, the lines' apps their points",
    "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=14"}));
  auto& c = r.model->mutable_context();
  auto& ps = c.world.platforms;
  const auto surface = test::platform_index(c.world, "Foshan Surface");
  const auto cosmo = test::platform_index(c.world, "COSMO-Appliances");
  for (auto& pl : ps) pl.gmv = 0.0;
  ps[surface].data_value = 0.0;
  ps[cosmo].gmv = 1e8;
  agents::grow_hierarchy_stocks(c);
  CHECK(ps[surface].data_value == Approx(c.params.hierarchy.data_rate * 1e8));
  // A point under the line adds its members to the line's usage.
  ps[cosmo].app_stock = 0.0;
  const double own = ps[cosmo].members;
  agents::grow_hierarchy_stocks(c);
  const double alone = ps[cosmo].app_stock;
  CHECK(alone == Approx(c.params.hierarchy.app_rate * own));
  sim::Platform point;
  point.level = sim::PlatformLevel::Enterprise;
  point.alive = true;
  point.members = 200;
  point.parent = static_cast<std::int32_t>(cosmo);
  ps.push_back(point);
  ps[cosmo].app_stock = 0.0;
  agents::grow_hierarchy_stocks(c);
  CHECK(ps[cosmo].app_stock == Approx(c.params.hierarchy.app_rate * (own + 200)));
  ps.pop_back();
}

TEST_CASE(
    "platform_hierarchy: the middle platform's technology, data and knowledge sharing each do something",
    "[agents]") {
  // one_plus_n.json connects every platform from month 60.
  const auto sets = std::vector<std::string>{"mechanisms.population.count=600", "ticks=62"};
  const auto with = test::run(test::load("one_plus_n.json", sets));
  const auto& c = with.model->context();
  const auto& w = c.world;
  const auto elink = test::platform_index(w, "E-Link Electronics");
  const auto machinery = test::platform_index(w, "Machinery Point");
  REQUIRE(((c.connected >> elink) & 1u) == 1u);
  // Technology: a connected platform pays less for its compute and uplink.
  CHECK(agents::shared_capacity_saving(c, machinery) == Approx(c.params.interconnection.technology_saving));
  // Data: its members reach the other connected platforms' members.
  CHECK(((c.reach[machinery] >> elink) & 1u) == 1u);
  auto off_sets = sets;
  for (const char* s :
       {"mechanisms.interconnection.share_technology=false", "mechanisms.interconnection.share_data=false",
        "mechanisms.interconnection.share_knowledge=false"})
    off_sets.push_back(s);
  const auto without = test::run(test::load("one_plus_n.json", off_sets));
  const auto& c0 = without.model->context();
  CHECK(agents::shared_capacity_saving(c0, machinery) == 0.0);
  CHECK(((c0.reach[machinery] >> elink) & 1u) == 0u);
  // Knowledge: a member of a connected platform without app sharing uses a connected platform's apps.
  auto& cm = with.model->mutable_context();
  const auto surface = test::platform_index(w, "Foshan Surface");
  cm.world.platforms[surface].services.knowledge = false;
  cm.world.platforms[surface].parent = -1;
  sim::FirmIndex member = 0;
  bool found = false;
  for (auto i : cm.directory.alive())
    if (cm.world.firms.platforms[i] == (1u << surface)) {
      member = i;
      found = true;
      break;
    }
  REQUIRE(found);
  CHECK(agents::service_access(cm, member).knowledge > 0.0);
  cm.params.interconnection.share_knowledge = false;
  CHECK(agents::service_access(cm, member).knowledge == 0.0);
}

TEST_CASE("platform_hierarchy: removing the surface slows the lines",
          "[agents][pattern][pattern_hierarchy]") {
  // Paired runs (common random numbers) of platform_led.json with and without the Foshan surface; the lines'
  // member-months over the first 60 months.
  constexpr int kReps = 8;
  std::vector<double> with, without;
  for (int r = 0; r < kReps; ++r) {
    const std::string seed = "seed=" + std::to_string(4300 + r);
    with.push_back(line_member_months(test::load("platform_led.json", {seed, "ticks=60"})));
    without.push_back(line_member_months(
        test::load("platform_led.json", {seed, "ticks=60", "platforms[2].launch_tick=-1"})));
  }
  const auto st = reports::paired_statistics(without, with);  // with − without
  INFO("lines' member-months, with − without the surface: " << st.diff << " [" << st.ci_low << ", "
                                                            << st.ci_high << "]");
  // Met on the evening merge of 2026-12-01 with a low end close to 0 (+585 [+25, +1,145]); on the night merge
  // of 2026-12-02 +279 [−381, +939], not significant, so it was a CHECK_NOFAIL. Since the model fixes of
  // 2026-12-05 and -06 it is met again with a clear margin (+1,040 [+380, +1,700] at 66e99c8 and since), so
  // the pattern §8 item 14 claims is asserted: a change that stops it must be reported, not hidden.
  CHECK(st.ci_low > 0.0);
  test::record({"hierarchy: surface removal", "docs/ODD.md 7.51 (issue 14 §3)",
                "lines grow more slowly without the surface", "paired 95% CI of member-months, 8 pairs",
                test::num(st.diff) + " [" + test::num(st.ci_low) + ", " + test::num(st.ci_high) + "]",
                st.ci_low > 0.0, "build/tests/vicsim_tests \"[pattern_hierarchy]\" -s"});
}
