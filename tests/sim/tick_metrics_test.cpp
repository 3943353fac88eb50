// The metrics pass (sim/tick_metrics.cpp): the transaction-cost parts table (one list of every part of
// TransactionCostParts, summed and written as timeseries.csv columns) and compute_metrics itself.
#include "sim/tick_metrics.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <set>
#include <string>

using namespace vicsim::sim;

TEST_CASE("tick metrics: the transaction-cost table names every part once and feeds the columns", "[sim]") {
  const auto& table = transaction_cost_columns();
  // Every part of TransactionCostParts is in the table (a part added without a row would be dropped).
  CHECK(table.size() * sizeof(double) == sizeof(TransactionCostParts));
  // Each row reads its own part and fills its own metric: set part k alone, only row k sees it.
  for (std::size_t k = 0; k < table.size(); ++k) {
    TransactionCostParts parts;
    parts.*table[k].part = 1.0;
    TickMetrics m;
    m.*table[k].member = 1.0;
    for (std::size_t j = 0; j < table.size(); ++j) {
      CHECK((parts.*table[j].part == 1.0) == (j == k));
      CHECK((m.*table[j].member == 1.0) == (j == k));
    }
  }
  // timeseries.csv writes the rows in table order, contiguously, in yuan per unit, named after the part.
  const auto& cols = columns();
  const auto first =
      std::find_if(cols.begin(), cols.end(), [&](const Column& c) { return c.name == table[0].name; });
  REQUIRE(first != cols.end());
  REQUIRE(static_cast<std::size_t>(cols.end() - first) >= table.size());
  std::set<std::string> names;
  for (std::size_t k = 0; k < table.size(); ++k) {
    CHECK(first[k].name == table[k].name);
    CHECK(first[k].member == table[k].member);
    CHECK(first[k].unit == "yuan/unit");
    CHECK(table[k].name.substr(0, 3) == "tc_");
    names.insert(std::string(table[k].name));
  }
  CHECK(names.size() == table.size());
}

namespace {

Tie supply_tie(std::uint8_t slot) {
  Tie t;
  t.input_slot = slot;
  return t;
}

Tie platform_collaboration() {
  Tie t;
  t.kind = TieKind::Collaboration;
  t.channel = TieChannel::Platform;
  return t;
}

/** Industry "a" (stages up → down, down also buys from "b") and industry "b" (one stage). */
World two_industries() {
  World w;
  w.industries = {Industry{"a", {"up", "down"}, 1.0, {CrossInput{1, 0, 1, 0.2}}, 1.0, {}},
                  Industry{"b", {"only"}, 1.0, {}, 1.0, {}}};
  w.regions.resize(1);
  w.platforms.resize(1);
  w.tick = 3;
  return w;
}

FirmIndex add(World& w, std::uint8_t industry, std::uint8_t stage) {
  const auto i = w.add_firm();
  w.firms.industry[i] = IndustryId{industry};
  w.firms.stage[i] = stage;
  w.firms.employees[i] = 10;
  return i;
}

}  // namespace

TEST_CASE("tick metrics: input slots served and platform collaboration are read from each tie once",
          "[sim]") {
  World w = two_industries();
  REQUIRE(input_needs(w.industries, 0, 1).size() == 2);  // a/down: a/up and b/only
  const auto up = add(w, 0, 0), down1 = add(w, 0, 1), b = add(w, 1, 0), down3 = add(w, 0, 1),
             gone = add(w, 0, 1);
  w.firms.alive[gone] = 0;
  w.firms.exit_tick[gone] = 1;
  boost::add_edge(up, down1, supply_tie(0), w.network);  // down1: both slots served
  boost::add_edge(b, down1, supply_tie(1), w.network);
  boost::add_edge(up, down3, supply_tie(0), w.network);  // down3: one of two
  boost::add_edge(b, down3, platform_collaboration(), w.network);
  boost::add_edge(gone, down1, platform_collaboration(), w.network);  // an exited partner does not count
  for (auto i : {down1, b, down3}) w.firms.platforms[i] = 1u;
  MetricsScratch scratch;
  const auto m = compute_metrics({&w, {}, 250.0, 1, {}}, {}, scratch);
  CHECK(m.firms == 4);
  CHECK(m.chain_completeness == Approx(3.0 / 4.0));    // 3 of the 4 slots of the two a/down firms
  CHECK(m.member_collaboration == Approx(2.0 / 3.0));  // b (as source) and down3 (as target); not down1
  CHECK(m.ties == 4);                                  // the exited firm's tie is not counted
  CHECK(m.supply_trust == Approx(0.1));
  CHECK(m.platform_tie_share == Approx(1.0 / 4.0));
  // The scratch buffers carry nothing over: the same world gives the same row with a used scratch, and a
  // world without ties gives no served slot.
  CHECK(compute_metrics({&w, {}, 250.0, 1, {}}, {}, scratch).chain_completeness == m.chain_completeness);
  World bare = two_industries();
  add(bare, 0, 1);
  CHECK(compute_metrics({&bare, {}, 250.0, 1, {}}, {}, scratch).chain_completeness == 0.0);
  CHECK(compute_metrics({&bare, {}, 250.0, 1, {}}, {}, scratch).member_collaboration == 0.0);
}

TEST_CASE("tick metrics: every column is the same bits for 1 and 2 threads and with a reused scratch",
          "[sim]") {
  World w = two_industries();
  w.platforms.resize(3);
  const std::size_t n = 20000;  // several metric chunks
  for (std::size_t k = 0; k < n; ++k) {
    const auto i = add(w, static_cast<std::uint8_t>(k % 3 == 2), static_cast<std::uint8_t>(k % 3 == 1));
    w.firms.revenue[i] = Money{1.0 + 0.37 * static_cast<double>(k % 101)};
    w.firms.productivity[i] = 0.5 + 0.013 * static_cast<double>(k % 89);
    w.firms.platforms[i] = static_cast<std::uint32_t>(k % 8);
    w.firms.region[i] = RegionId{0};
  }
  for (std::size_t k = 0; k + 7 < n; ++k) {
    const auto s = static_cast<FirmIndex>((k * 7919) % n), t = static_cast<FirmIndex>((k * 104729 + 3) % n);
    if (s == t || boost::edge(s, t, w.network).second) continue;
    Tie tie = k % 5 == 0 ? platform_collaboration() : supply_tie(static_cast<std::uint8_t>(k % 2));
    tie.trust = 0.01 * static_cast<double>(k % 97);
    if (k % 11 == 0) tie.channel = TieChannel::Platform;
    boost::add_edge(s, t, tie, w.network);
  }
  MetricsScratch one, two;
  const auto a = compute_metrics({&w, {}, 250.0, 1, {}}, {}, one);
  const auto b = compute_metrics({&w, {}, 250.0, 2, {}}, {}, two);
  const auto c = compute_metrics({&w, {}, 250.0, 2, {}}, {}, two);
  const auto fresh = compute_metrics({&w, {}, 250.0, 1, {}}, {});
  CHECK(a.chain_completeness > 0.0);
  CHECK(a.member_collaboration > 0.0);
  for (const auto& col : columns()) {
    INFO(col.name);
    CHECK(std::memcmp(&(a.*col.member), &(b.*col.member), sizeof(double)) == 0);
    CHECK(std::memcmp(&(a.*col.member), &(c.*col.member), sizeof(double)) == 0);
    CHECK(std::memcmp(&(a.*col.member), &(fresh.*col.member), sizeof(double)) == 0);
  }
}

TEST_CASE("tick metrics: a productivity gain in the warm-up counts in innovation_share like any other",
          "[sim]") {
  // Warm-up ticks are negative (docs/ODD.md 7.1a), so "never gained" is its own marker, not −1: a gain at
  // tick −1 seen at tick 3 is 4 months old and counts; one 12 or more months old does not.
  World w = two_industries();  // tick 3
  const auto warm = add(w, 0, 0), old = add(w, 0, 0), never = add(w, 0, 0), recent = add(w, 0, 0);
  CHECK(w.firms.last_gain_tick[never] == Firms::kNeverGained);
  w.firms.last_gain_tick[warm] = -1;
  w.firms.last_gain_tick[old] = -9;
  w.firms.last_gain_tick[recent] = 2;
  MetricsScratch scratch;
  const auto m = compute_metrics({&w, {}, 250.0, 1, {}}, {}, scratch);
  CHECK(m.firms == 4);
  CHECK(m.innovation_share == Approx(2.0 / 4.0));  // warm and recent
}
