// Endogenous platform founding (docs/ODD.md 7.50) and the emergent platform-led pattern (§8 pattern 6c).
#include "agents/platform_founding.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <set>
#include <sstream>

#include "agents/adoption.hpp"
#include "reports/paired_comparison.hpp"
#include "reports/statistics.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
scenarios::Scenario emergent_small(std::vector<std::string> sets = {}) {
  sets.insert(sets.begin(), {"mechanisms.population.count=600", "ticks=48"});
  return test::load("platform_emergent.json", sets);
}

/** Settings under which founders act in the small world (a 1 M yuan launch, a tenth of the fixed cost). */
std::vector<std::string> cheap_founding() {
  return {"mechanisms.founding.launch_cost=1000000", "mechanisms.platform_economy.fixed_cost=20000"};
}

/** The alive chain-master with the most employees, -1 if there is none. */
std::int64_t largest_chain_master(const agents::ModelContext& c) {
  const auto& fs = c.world.firms;
  std::int64_t owner = -1;
  for (auto f : c.directory.alive())
    if (fs.chain_master[f] &&
        (owner < 0 || fs.employees[f] > fs.employees[static_cast<sim::FirmIndex>(owner)]))
      owner = f;
  return owner;
}

std::size_t founded(const agents::ClusterModel& m) {
  std::size_t n = 0;
  for (const auto& pl : m.world().platforms) n += pl.founded_tick >= 0;
  return n;
}
}  // namespace

TEST_CASE("platform_founding: no platform is founded with the switch off", "[agents]") {
  const auto r = test::run(test::small({"mechanisms.founding.enabled=false"}));
  CHECK(r.model->world().platforms.empty());
  for (const auto& m : r.series) CHECK(m.platforms_alive == 0);
}

TEST_CASE("platform_founding: Bass cumulative adoption", "[agents]") {
  CHECK(agents::bass_adopted(0.03, 0.38, 0.0) == 0.0);
  CHECK(agents::bass_adopted(0.03, 0.38, 1.0) == Approx(0.03575).epsilon(1e-3));
  CHECK(agents::bass_adopted(0.03, 0.38, 10.0) == Approx(0.8128).epsilon(1e-3));
  CHECK(agents::bass_adopted(0.03, 0.38, 100.0) == Approx(1.0));
}

TEST_CASE("platform_founding: the founder forecasts members along the adoption path, not at once",
          "[agents]") {
  auto r = test::run(emergent_small({"ticks=1"}));
  const auto& c = r.model->context();
  const auto k = agents::founding_case(c, sim::PlatformLevel::Industry, -1, 0, -1);
  const auto& fp = c.params.founding;
  const double potential = fp.expected_join_share / (1.0 + fp.rival_weight * k.rivals) * k.reachable;
  INFO("mean expected members " << k.members << ", market potential " << potential);
  REQUIRE(k.reachable > 0);
  CHECK(k.members > 0.0);
  // Readiness ≤ 1 and a five-year Bass path with the default p, q reach well under the potential on average.
  CHECK(k.members < 0.5 * potential);
}

TEST_CASE("platform_founding: the founder's case grows with the reachable firms' digital readiness",
          "[agents]") {
  auto r = test::run(emergent_small({"ticks=1"}));
  auto& c = r.model->mutable_context();
  // Digital readiness (7.16) rises with the regions' infrastructure.
  const auto at = [&](double level) {
    for (auto& region : c.world.regions) region.infrastructure = level;
    return agents::founding_case(c, sim::PlatformLevel::Industry, -1, 0, -1);
  };
  const auto low = at(0.0), high = at(1.0);
  INFO("value at infrastructure 0: " << low.value << ", at 1: " << high.value << ", hurdle " << high.hurdle);
  CHECK(high.reachable == low.reachable);
  CHECK(high.members > low.members);
  CHECK(high.value > low.value);
  CHECK(high.ready > low.ready);
}

TEST_CASE("platform_founding: the hurdle counts risk once, in the discount rate", "[agents]") {
  // 7.76 (a): hurdle = launch cost net of co-funding + the cost of the working capital tied up for the
  // horizon; no second risk charge (the former risk_premium is removed from the format).
  auto r = test::run(emergent_small({"ticks=1"}));
  const auto& c = r.model->context();
  const auto k = agents::founding_case(c, sim::PlatformLevel::Industry, -1, 0, -1);
  const auto& fp = c.params.founding;
  const double tied = c.params.platform_economy.initial_cash *
                      (1.0 - std::pow(1.0 + fp.discount_per_year, -fp.horizon_months / 12.0));
  CHECK(k.capital_cost == Approx(tied).epsilon(1e-9));
  CHECK(k.hurdle == Approx(fp.launch_cost + tied).epsilon(1e-9));  // no cultivation policy in this scenario
}

TEST_CASE("platform_founding: a chain-master founder forecasts its partners' faster joining", "[agents]") {
  // 7.76 (b): the joining rule multiplies a partner's awareness hazard by owner_pull, so the founder's
  // forecast must too; the chain-master itself is a member from launch.
  const auto at = [](const std::string& pull) {
    auto r = test::run(emergent_small({"ticks=1", "mechanisms.adoption.owner_pull=" + pull}));
    const auto& c = r.model->context();
    const auto& fs = c.world.firms;
    const std::int64_t owner = largest_chain_master(c);
    REQUIRE(owner >= 0);
    return agents::founding_case(
        c, sim::PlatformLevel::Enterprise, owner,
        static_cast<std::int32_t>(sim::idx(fs.industry[static_cast<sim::FirmIndex>(owner)])), -1);
  };
  const auto none = at("1"), pulled = at("3");
  INFO("point's mean expected members: pull 1 " << none.members << ", pull 3 " << pulled.members << " of "
                                                << pulled.reachable);
  REQUIRE(pulled.reachable > 1);
  CHECK(none.members >= 1.0);  // the owner itself
  CHECK(pulled.members > none.members);
  CHECK(pulled.value > none.value);
}

TEST_CASE("platform_founding: a chain-master founder does not count the fees it would pay itself",
          "[agents]") {
  // 7.88: the owner's fees and entry fee are a transfer from the owner to its own platform, not profit for
  // the owner whose capital is at stake; only the other firms' purchases earn the case revenue.
  auto r = test::run(emergent_small({"ticks=1"}));
  auto& c = r.model->mutable_context();
  auto& fs = c.world.firms;
  const std::int64_t owner = largest_chain_master(c);
  REQUIRE(owner >= 0);
  const auto o = static_cast<sim::FirmIndex>(owner);
  const auto industry = static_cast<std::int32_t>(sim::idx(fs.industry[o]));
  const auto point = [&] {
    return agents::founding_case(c, sim::PlatformLevel::Enterprise, owner, industry, -1);
  };
  const auto line = [&] {
    return agents::founding_case(c, sim::PlatformLevel::Industry, owner, industry, -1);
  };
  const auto point0 = point(), line0 = line();
  fs.input_cost[o] = fs.input_cost[o] * 10.0 + sim::Money{1e7};  // the owner buys far more
  const auto point1 = point(), line1 = line();
  INFO("point value " << point0.value << " -> " << point1.value << ", line value " << line0.value << " -> "
                      << line1.value);
  CHECK(point1.value == Approx(point0.value));
  CHECK(line1.value == Approx(line0.value));
  CHECK(point1.members == Approx(point0.members));  // the owner is still a member from launch
}

TEST_CASE("platform_founding: founded platforms book their capital and the accounts close", "[agents]") {
  // The ledger's identities are checked every tick (a violation throws); here: founding happens and its
  // launch capital is the launch cost plus working capital, financed by equity, loans and co-funding.
  // A cheaper launch and lower running cost than the default, so that founders act in this small world: with
  // the defaults no founder's forecast profit beats its hurdle (7.50, §8 pattern 6c).
  const auto s = emergent_small(cheap_founding());
  const auto r = test::run(s);
  const auto& w = r.model->world();
  REQUIRE(founded(*r.model) > 0);
  const auto& fp = s.mechanisms.founding;
  for (const auto& pl : w.platforms) {
    if (pl.founded_tick < 0) continue;
    INFO(pl.name << " founded at " << pl.founded_tick);
    CHECK(pl.founded_tick >= fp.first_tick);
    CHECK(pl.equity_in.yuan >= 0.0);
    CHECK(pl.equity_in.yuan <= fp.launch_cost + s.mechanisms.platform_economy.initial_cash + 1e-6);
    if (pl.level == sim::PlatformLevel::Enterprise) CHECK(pl.partners_only);
  }
}

TEST_CASE("platform_founding: every platform has its own name", "[agents]") {
  // Two founders of one industry's line (or one region's surface) get distinct names, so platforms.csv,
  // the reports and the viewer can key platforms by name, as declared platforms must be (scenario schema).
  // With the cheap launch of the tests above, seed 4200 of the default-size world founds two appliances lines
  // in 30 months. Until session 37 the default launch did (months 6 and 25, docs/ODD.md 7.54); since output
  // per worker rises with maturity (7.108) it founds one line there.
  auto sets = cheap_founding();
  sets.insert(sets.end(), {"ticks=30", "seed=4200"});
  const auto r = test::run(test::load("platform_emergent.json", sets));
  std::vector<std::string> names;
  std::size_t second_of_a_kind = 0;  // a founder whose line or surface already had one: named "... 2"
  for (const auto& pl : r.model->world().platforms) {
    names.push_back(pl.name);
    second_of_a_kind += pl.founded_tick >= 0 && pl.name.ends_with(" 2");
  }
  REQUIRE(second_of_a_kind >= 1);
  std::sort(names.begin(), names.end());
  INFO("platforms: " << names.size());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
}

TEST_CASE("platform_founding: the same seed founds the same platforms at the same months", "[agents]") {
  const auto a = test::run(emergent_small(cheap_founding())),
             b = test::run(emergent_small(cheap_founding()), 2);
  CHECK(founded(*a.model) > 0);
  const auto& pa = a.model->world().platforms;
  const auto& pb = b.model->world().platforms;
  REQUIRE(pa.size() == pb.size());
  for (std::size_t p = 0; p < pa.size(); ++p) {
    CHECK(pa[p].name == pb[p].name);
    CHECK(pa[p].founded_tick == pb[p].founded_tick);
  }
}

TEST_CASE("platform_founding: a line's founder chooses its scope among related industries by expected profit",
          "[agents]") {
  // docs/ODD.md 7.93: line_case weighs the line for its own industry alone and with its 1, 2, ... most
  // related industries added (relatedness > 0), and keeps the scope with the highest value − hurdle.
  auto r = test::run(emergent_small({"ticks=5"}));
  const auto& c = r.model->context();
  const auto& inds = c.world.industries;
  int wider = 0;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(inds.size()); ++i) {
    const auto chosen = agents::line_case(c, -1, i);
    const auto own = agents::founding_case(c, sim::PlatformLevel::Industry, -1, i, -1);
    // The two ends of the nested scopes: its own industry alone, and with every related industry.
    std::uint32_t all = 0;
    for (std::size_t j = 0; j < inds.size(); ++j)
      if (static_cast<std::int32_t>(j) != i && sim::relatedness(inds, static_cast<std::size_t>(i), j) > 0.0)
        all |= 1u << j;
    const auto widest = agents::founding_case(c, sim::PlatformLevel::Industry, -1, i, -1, all);
    const double best = std::max(own.value - own.hurdle, widest.value - widest.hurdle);
    INFO("industry " << i << ": chosen scope bits " << chosen.related << ", " << chosen.reachable
                     << " reachable, value − hurdle " << chosen.value - chosen.hurdle
                     << " (own industry: " << own.reachable << ", " << own.value - own.hurdle << ")");
    CHECK(chosen.value - chosen.hurdle >= best - 1e-6);
    CHECK((chosen.related >> i & 1u) == 0);
    CHECK((chosen.related & ~all) == 0);
    CHECK(chosen.reachable >= own.reachable);
    wider += chosen.related != 0;
  }
  // In this world every industry is related to another and a wider line earns more than it costs.
  CHECK(wider > 0);
}

TEST_CASE("platform_founding: with no declared platform, platforms appear and the platform-led stages follow",
          "[agents][pattern][pattern_emergent]") {
  for (int r = 0; r < 3; ++r) {
    const std::string seed = std::to_string(4200 + r);
    const auto res = test::run(test::load("platform_emergent.json", {"seed=" + seed}));
    int first_founded = -1, dominance = -1;
    for (const auto& pl : res.model->world().platforms)
      if (pl.founded_tick >= 0 && (first_founded < 0 || pl.founded_tick < first_founded))
        first_founded = pl.founded_tick;
    for (const auto& m : res.series)
      if (m.platform_path_stage >= 1 && dominance < 0) dominance = static_cast<int>(m.tick);
    const auto n = founded(*res.model);
    // The best industry line's case before the first decision (month 5's world), founded as found_platforms
    // would: by the industry's largest chain-master (docs/ODD.md §8 pattern 6c, 7.76).
    const auto pre = test::run(test::load("platform_emergent.json", {"seed=" + seed, "ticks=5"}));
    const auto& pc = pre.model->context();
    const auto& pf = pre.model->world().firms;
    agents::FoundingCase best;
    best.value = -1e300;
    for (std::int32_t i = 0; i < static_cast<std::int32_t>(pre.model->world().industries.size()); ++i) {
      std::int64_t owner = -1;
      double largest = -1.0;
      for (auto f : pc.directory.alive())
        if (pf.chain_master[f] && static_cast<std::int32_t>(sim::idx(pf.industry[f])) == i &&
            pf.employees[f] > largest) {
          largest = pf.employees[f];
          owner = f;
        }
      const auto k = agents::line_case(pc, owner, i);
      if (k.value - k.hurdle > best.value - best.hurdle) best = k;
    }
    // The best regional surface's case at month 5 (an independent provider, every firm of the region).
    agents::FoundingCase surface;
    surface.value = -1e300;
    for (std::int32_t g = 0; g < static_cast<std::int32_t>(pre.model->world().regions.size()); ++g) {
      const auto k = agents::founding_case(pc, sim::PlatformLevel::Regional, -1, -1, g);
      if (k.value - k.hurdle > surface.value - surface.hurdle) surface = k;
    }
    std::ostringstream founded_list;
    for (const auto& pl : res.model->world().platforms)
      if (pl.founded_tick >= 0)
        founded_list << pl.name << " (month " << pl.founded_tick << ", related industries bits "
                     << pl.related_industries << ", " << pl.members << " members"
                     << (pl.alive ? "" : ", failed") << "); ";
    const auto& last = res.series.back();
    INFO("founded: " << founded_list.str() << "month 120 member share " << last.platform_member_share
                     << ", chain coverage " << last.chain_coverage
                     << "; best surface case at month 5: " << surface.value << " against " << surface.hurdle
                     << " (mean members " << surface.members << " of " << surface.reachable << ", revenue "
                     << surface.revenue << ", cost " << surface.cost << ")");
    INFO("seed " << seed << ": " << n << " platforms founded, first at " << first_founded
                 << ", platform dominance from " << dominance << " (-1: never); best line case at month 5: "
                 << best.value << " yuan against a hurdle of " << best.hurdle << " (of which working capital "
                 << best.capital_cost << "; mean members " << best.members << " of " << best.reachable
                 << " reachable, revenue " << best.revenue << ", cost " << best.cost << " yuan/month)"
                 << "; member share at month 120 " << res.series.back().platform_member_share);
    // Met since a line's founder chooses its scope among related industries (docs/ODD.md 7.93, §8 "Issue 14,
    // founded lines' scope"): before, founded lines admitted only their own industry and member share stayed
    // far below the 20% of dominance (7.88). These checks can fail again.
    CHECK(n >= 2);
    CHECK(first_founded > 0);
    // Seed 4200 never reaches dominance since the in-plant services (2026-12-02, docs/ODD.md 7.102 and
    // section 8); all three seeds do with mechanisms.in_plant.enabled=false (same binary). Reported, not
    // forced. Still so on the merged model with the survival change (7.101): seed 4200 founds 4 lines from
    // month 6 and never reaches dominance; 4201 and 4202 reach it at months 107 and 105 (docs/VALIDATION.md).
    // After the model fixes of 2026-12-05 (docs/ODD.md §8 status block) all three do: months 119, 106, 104;
    // after session 27's fixes (fee learning judges only full quarters, 7.21) seed 4200 misses it again
    // (4201, 4202: 109, 102): the seed sits at the edge.
    CHECK_NOFAIL(dominance > first_founded);
    test::record({"pattern 6c: emergent platforms seed " + seed, "docs/ODD.md §8 pattern 6c (issue 14 §2)",
                  "platforms founded with none declared, then platform dominance", "first months",
                  std::to_string(n) + " founded, first at " + std::to_string(first_founded) +
                      ", dominance at " + std::to_string(dominance),
                  n >= 2 && first_founded > 0 && dominance > first_founded,
                  "build/tests/vicsim_tests \"[pattern_emergent]\" -s"});
  }
}

TEST_CASE(
    "platform_founding: cultivation co-funds founders and is compared with the market alone over "
    "replications",
    "[agents][pattern][pattern_cultivation]") {
  // Paired, common random numbers: platform_emergent.json (founding left to the market) against
  // platform_cultivation.json (the same plus a policy co-funding half of every launch from month 6).
  // Asserted: the policy pays exactly its share of each launch after its start, within its budget (so a
  // founded platform is co-funded and nothing else is). Reported, not asserted: the effect on founding.
  constexpr int kReps = 6;
  std::vector<double> n[2], alive[2], members[2];
  for (int rep = 0; rep < kReps; ++rep)
    for (int arm = 0; arm < 2; ++arm) {
      const auto s = test::load(arm == 0 ? "platform_emergent.json" : "platform_cultivation.json",
                                {"seed=" + std::to_string(4200 + rep), "ticks=60"});
      const auto r = test::run(s);
      double cofunded = 0;
      for (const auto& pl : r.model->world().platforms)
        if (pl.founded_tick >= 0 && (arm == 0 || pl.founded_tick >= s.policies.at(0).start)) cofunded += 1;
      const double spent = r.series.back().policy_spend_cumulative;
      const double expected =
          arm == 0 ? 0.0
                   : std::min(s.policies.at(0).budget, s.policies.at(0).platform_subsidy_share *
                                                           s.mechanisms.founding.launch_cost * cofunded);
      INFO("seed " << 4200 + rep << (arm == 0 ? " market" : " cultivation") << ": " << founded(*r.model)
                   << " founded, policy spent " << spent << " yuan");
      CHECK(spent == Approx(expected).margin(1.0));
      n[arm].push_back(static_cast<double>(founded(*r.model)));
      alive[arm].push_back(r.series.back().platforms_alive);
      members[arm].push_back(r.series.back().platform_member_share);
    }
  const auto dn = reports::paired_statistics(n[0], n[1]);
  const auto dm = reports::paired_statistics(members[0], members[1]);
  INFO("cultivation − market: platforms founded by month 60 "
       << dn.diff << " [" << dn.ci_low << ", " << dn.ci_high << "] (market mean " << reports::mean(n[0])
       << "), member share at month 60 " << dm.diff << " [" << dm.ci_low << ", " << dm.ci_high << "]");
  test::record({"cultivation: platforms founded", "issue 14 §2 (docs/ODD.md 7.77)",
                "cultivation − market > 0 (founded by month 60)", "paired 95% CI excludes 0, 6 pairs",
                test::num(dn.diff) + " [" + test::num(dn.ci_low) + ", " + test::num(dn.ci_high) + "]",
                dn.ci_low > 0.0, "build/tests/vicsim_tests \"[pattern_cultivation]\" -s"});
  // The effect's sign is a finding, not a requirement (a null result is reported in docs/ODD.md 7.77).
  CHECK_NOFAIL(dn.ci_low > 0.0);
}

TEST_CASE("platform_founding: founded lines' members gain and aware firms would join, so reach limits them",
          "[agents][pattern][pattern_emergent][founding_join]") {
  // docs/ODD.md 7.88: the join decision is not what kept founded lines small (their reach did, until a line's
  // founder chose its scope among related industries, 7.93). At month 120 of
  // platform_emergent.json (seed 4201), for the founded lines with at least 20 members: their members' mean
  // realised margin gain (7.35) is positive and an eligible non-member's join probability once aware (7.17,
  // join_value's logit) is above one half on average. The declared platforms of platform_led.json (same seed,
  // month 72) are printed for comparison.
  struct Stats {
    std::string name;
    double members, gain, eligible, join;
    bool founded_line;
  };
  const auto measure = [](const agents::ClusterModel& m) {
    const auto& w = m.world();
    const auto& fs = w.firms;
    const auto& c = m.context();
    const auto& ap = c.params.adoption;
    std::vector<Stats> out;
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      const auto& pl = w.platforms[p];
      if (!pl.alive) continue;
      double eligible = 0, join = 0, gained = 0, gain = 0;
      for (auto i : c.directory.alive()) {
        if (!sim::admits_industry(pl, static_cast<std::int32_t>(sim::idx(fs.industry[i])))) continue;
        if (fs.member_of(i, p)) {
          if (const auto g = agents::realised_gain(ap, fs, i)) {
            gain += *g;
            gained += 1;
          }
          continue;
        }
        // join_value (agents/adoption.cpp) for a firm not yet on p.
        const double revenue = fs.revenue[i].yuan;
        const double v = revenue <= 0.0 ? -1.0
                                        : fs.platform_value[i] * std::pow(ap.multihoming_discount,
                                                                          std::popcount(fs.platforms[i])) -
                                              pl.entry_fee.yuan / ap.entry_fee_months / revenue;
        join += agents::join_probability(v, ap.decision_noise);
        eligible += 1;
      }
      out.push_back({pl.name, static_cast<double>(pl.members), gained > 0 ? gain / gained : 0.0, eligible,
                     eligible > 0 ? join / eligible : 0.0,
                     pl.founded_tick >= 0 && pl.level == sim::PlatformLevel::Industry});
    }
    return out;
  };
  const auto emergent = test::run(test::load("platform_emergent.json", {"seed=4201"}));
  const auto declared = test::run(test::load("platform_led.json", {"seed=4201", "ticks=72"}));
  std::ostringstream report;
  for (const auto& [label, model] : {std::pair{"emergent, month 120", emergent.model.get()},
                                     std::pair{"platform_led, month 72", declared.model.get()}})
    for (const auto& x : measure(*model))
      report << label << ": " << x.name << ": " << x.members << " members, mean realised gain " << x.gain
             << "; " << x.eligible << " eligible non-members, mean join probability once aware " << x.join
             << "\n";
  INFO(report.str());
  // Every founded line with 20 or more members gains its members something, and aware firms join the founded
  // lines with a mean probability above one half (until 2026-12-05 the machinery line of this seed alone was
  // at 0.498).
  int checked = 0;
  double join = 0;
  bool all_gain = true;
  std::string measured;
  for (const auto& x : measure(*emergent.model)) {
    if (!x.founded_line || x.members < 20) continue;
    all_gain = all_gain && x.gain > 0.0;
    measured += (measured.empty() ? "" : "; ") + x.name + ": " + test::num(x.members) + " members, gain " +
                test::num(x.gain) + ", join " + test::num(x.join);
    // Missed in session 36 after the in-plant price was calibrated (docs/ODD.md 7.89, 7.88: a founded
    // machinery line with gain -0.005, join 0.491); met again since 7.108 (every line gains +0.050 to +0.068,
    // join 0.72), so the checks are strict again.
    CHECK(x.gain > 0.0);
    join += x.join;
    ++checked;
  }
  // Two such lines until 2026-12-05; since dividends are paid in the warm-up (docs/ODD.md section 10 row 88)
  // this seed founds one line that reaches 20 members (67 members, gain 0.024, join 0.59). The claim is
  // checked on it; the breadth is reported, not dropped.
  REQUIRE(checked >= 1);
  CHECK_NOFAIL(checked >= 2);
  CHECK(join / checked > 0.5);
  test::record({"founded lines: members gain, aware firms would join", "docs/ODD.md 7.88 (issue 14 §2)",
                "founded lines with 20+ members, platform_emergent.json seed 4201, month 120",
                "every line's mean realised gain > 0 and mean join probability once aware > 0.5", measured,
                all_gain && join / checked > 0.5, "build/tests/vicsim_tests \"[founding_join]\" -s"});
}

TEST_CASE("platform_founding: a point's case counts each partner of the chain-master once", "[agents]") {
  // A partner with several ties to the chain-master (two inputs, supplier and customer, a collaboration tie)
  // is one firm the point could admit (7.50, for_each_reachable).
  auto r = test::run(emergent_small({"ticks=1"}));
  auto& c = r.model->mutable_context();
  auto& g = c.world.network;
  const std::int64_t owner = largest_chain_master(c);
  REQUIRE(owner >= 0);
  const auto o = static_cast<sim::FirmIndex>(owner);
  const auto industry = static_cast<std::int32_t>(sim::idx(c.world.firms.industry[o]));
  std::vector<sim::FirmIndex> partners;
  for (auto [e, end] = boost::in_edges(o, g); e != end; ++e)
    partners.push_back(static_cast<sim::FirmIndex>(boost::source(*e, g)));
  for (auto [e, end] = boost::out_edges(o, g); e != end; ++e)
    partners.push_back(static_cast<sim::FirmIndex>(boost::target(*e, g)));
  std::sort(partners.begin(), partners.end());
  partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
  REQUIRE(!partners.empty());
  const auto before = agents::founding_case(c, sim::PlatformLevel::Enterprise, owner, industry, -1);
  CHECK(before.reachable == Approx(1.0 + static_cast<double>(partners.size())));
  // A second tie with a partner it already has, in the other direction.
  sim::Tie extra;
  extra.kind = sim::TieKind::Collaboration;
  boost::add_edge(o, partners.front(), extra, g);
  const auto after = agents::founding_case(c, sim::PlatformLevel::Enterprise, owner, industry, -1);
  CHECK(after.reachable == Approx(before.reachable));
  CHECK(after.revenue == Approx(before.revenue));
}

TEST_CASE("platform_founding: a closed platform with no declared region is a rival in its host region",
          "[agents]") {
  // sim::bound_region: a platform that admits one region only (open_regions false) and declares no `region`
  // admits its host region's firms (adoption `eligible`), so a founder there counts it as a rival, as it
  // counts one that declares the region (docs/ODD.md 7.50; §10 row 84 (b) until 2026-12-05).
  auto r = test::run(emergent_small({"ticks=1"}));
  auto& c = r.model->mutable_context();
  c.world.platforms.clear();  // founding_case reads only the platform list; the model is not stepped again
  const std::int32_t region = 0, industry = 0;
  sim::Platform surface;
  surface.name = "test surface";
  surface.level = sim::PlatformLevel::Regional;
  surface.host_region = sim::RegionId{static_cast<std::uint16_t>(region)};
  surface.open_regions = false;
  surface.alive = true;
  const auto with_surface = [&](std::int32_t home_region) {
    surface.home_region = home_region;
    c.world.platforms.assign(1, surface);
    return agents::founding_case(c, sim::PlatformLevel::Regional, -1, industry, region);
  };
  const auto declared = with_surface(region), host_only = with_surface(-1);
  INFO("rivals: region declared " << declared.rivals << ", host region only " << host_only.rivals);
  REQUIRE(declared.reachable > 0);
  // The surface admits every firm of the case (all in its region): a served share of 1, plus one rival.
  CHECK(declared.rivals == Approx(2.0));
  CHECK(host_only.rivals == Approx(2.0));
  CHECK(host_only.value == Approx(declared.value));
}

TEST_CASE("platform_founding: founding stream keys of surfaces, lines and points never coincide",
          "[agents]") {
  // docs/ODD.md §9: up to 60,000 regions (infrastructure layer off), 250 industries and any firm id.
  std::set<std::uint64_t> keys;
  std::size_t n = 0;
  for (std::uint64_t r = 0; r < 60000; ++r, ++n)
    keys.insert(agents::founding_key(sim::PlatformLevel::Regional, r));
  for (std::uint64_t i = 0; i < 250; ++i, ++n)
    keys.insert(agents::founding_key(sim::PlatformLevel::Industry, i));
  for (std::uint64_t id = 0; id < 200000; ++id, ++n)
    keys.insert(agents::founding_key(sim::PlatformLevel::Enterprise, id));
  CHECK(keys.size() == n);
  // The bundled worlds' keys are unchanged: region r, 1000 + industry, 100000 + id.
  CHECK(agents::founding_key(sim::PlatformLevel::Regional, 31) == 31);
  CHECK(agents::founding_key(sim::PlatformLevel::Industry, 2) == 1002);
  CHECK(agents::founding_key(sim::PlatformLevel::Enterprise, 7) == 100007);
}

TEST_CASE("platform_founding: a founding service switch reaches every founded platform", "[agents]") {
  // docs/ODD.md 7.50, 7.51: founded platforms offer their level's services that
  // mechanisms.founding.services leaves on; vicsim attribute switches them there (7.40).
  const auto has_dispatch = [](const agents::ClusterModel& m) {
    std::size_t n = 0;
    for (const auto& pl : m.world().platforms) n += pl.founded_tick >= 0 && pl.services.dispatch;
    return n;
  };
  const auto on = test::run(emergent_small(cheap_founding()));
  auto sets = cheap_founding();
  sets.push_back("mechanisms.founding.services.dispatch=false");
  const auto off = test::run(emergent_small(sets));
  REQUIRE(founded(*on.model) > 0);
  REQUIRE(founded(*off.model) > 0);
  CHECK(has_dispatch(*on.model) > 0);
  CHECK(has_dispatch(*off.model) == 0);
}
