// Validation against stylised facts of real firm populations, measured on the bundled default scenarios.
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <tuple>

#include "sim/tail_exponent.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {

using TieKey = std::tuple<sim::FirmIndex, sim::FirmIndex, std::int32_t>;  // supplier, customer, formed tick

/** Supply ties of the network, keyed by their two firms and the month they were formed. */
std::vector<TieKey> supply_ties(const sim::World& w) {
  std::vector<TieKey> v;
  for (auto [e, end] = boost::edges(w.network); e != end; ++e)
    if (w.network[*e].is_supply())
      v.emplace_back(static_cast<sim::FirmIndex>(boost::source(*e, w.network)),
                     static_cast<sim::FirmIndex>(boost::target(*e, w.network)), w.network[*e].formed_tick);
  std::sort(v.begin(), v.end());
  return v;
}

/** Whether the supplier → customer pair of k has a supply tie in `ties` (sorted), whenever it was formed. */
bool pair_present(const std::vector<TieKey>& ties, const TieKey& k) {
  const auto it =
      std::lower_bound(ties.begin(), ties.end(), TieKey{std::get<0>(k), std::get<1>(k), INT32_MIN});
  return it != ties.end() && std::get<0>(*it) == std::get<0>(k) && std::get<1>(*it) == std::get<1>(k);
}

struct Facts {
  double hill = 0;          ///< Hill exponent of alive firms' employees at the last month (top 10%)
  double tie_survival = 0;  ///< share of month-60 supplier → customer pairs with a supply tie at month 72
  double tie_never_broken = 0;  ///< share of month-60 supply ties never dissolved by month 72 (same tie)
  double firms_exited = 0;      ///< share of those ties' ends that exited within the year
};

Facts measure(const std::string& scenario, std::uint64_t seed) {
  auto s = test::load(scenario, {"seed=" + std::to_string(seed)});
  agents::ClusterModel model = scenarios::build_model(s);
  const auto& w = model.world();
  Facts facts;
  std::vector<TieKey> before;
  std::vector<char> alive_before;
  for (int t = 1; t <= s.ticks; ++t) {
    model.step();
    if (t == 60) before = supply_ties(w);
    if (t == 72) {
      const auto after = supply_ties(w);
      // Mizuno et al. compare annual snapshots of who trades with whom: a pair listed in both years survived,
      // even if the two firms broke off and resumed between the surveys (ODD 7.101). The same tie kept
      // throughout is the stricter reading, reported beside it.
      std::size_t kept = 0, never_broken = 0, ended_by_exit = 0;
      for (const auto& k : before) {
        if (std::binary_search(after.begin(), after.end(), k)) ++never_broken;
        if (pair_present(after, k))
          ++kept;
        else if (!w.firms.alive[std::get<0>(k)] || !w.firms.alive[std::get<1>(k)])
          ++ended_by_exit;
      }
      facts.tie_survival = static_cast<double>(kept) / static_cast<double>(before.size());
      facts.tie_never_broken = static_cast<double>(never_broken) / static_cast<double>(before.size());
      facts.firms_exited = static_cast<double>(ended_by_exit) / static_cast<double>(before.size());
    }
  }
  std::vector<double> sizes;
  for (sim::FirmIndex i = 0; i < w.firms.size(); ++i)
    if (w.firms.alive[i]) sizes.push_back(w.firms.employees[i]);
  facts.hill = sim::hill_tail_exponent(sizes, 0.1);
  return facts;
}

}  // namespace

TEST_CASE("stylised facts: firm sizes have a Zipf-like tail and supply ties survive like Japan's",
          "[agents][validation][stylised_facts]") {
  // Five replications of each default scenario (seeds 20240901–05).
  // Firm sizes: Hill exponent (top 10%) of the replication mean in [0.8, 1.5] (Axtell 2001: 1.06 for US
  // firms; Zipf's law). Ties: the share of supplier → customer pairs with a supply tie at month 60 that have
  // one at month 72 (annual snapshots, as in the data);
  // Mizuno, Souma & Watanabe (2014) measure 92% (customer links) and 93% (supplier links) a year in Japan.
  // Stated tolerance for ties: within 0.05 of 0.92. A deviation is reported, with its cause (§10 row 19).
  constexpr int kReps = 5;
  for (const std::string scenario : {"traditional.json", "platform_led.json"}) {
    double hill = 0, survival = 0, never_broken = 0, exited = 0;
    for (int r = 0; r < kReps; ++r) {
      const auto f = measure(scenario, 20240901 + static_cast<std::uint64_t>(r));
      hill += f.hill / kReps;
      survival += f.tie_survival / kReps;
      never_broken += f.tie_never_broken / kReps;
      exited += f.firms_exited / kReps;
    }
    INFO(scenario << ": Hill exponent " << hill << ", yearly tie survival " << survival
                  << " (same tie never broken " << never_broken << "; ties lost with an exiting firm "
                  << exited << ")");
    const bool hill_ok = hill >= 0.8 && hill <= 1.5, ties_ok = std::abs(survival - 0.92) <= 0.05;
    const std::string cmd = "build/tests/vicsim_tests \"[stylised_facts]\" -s";
    test::record({"stylised: size tail " + scenario, "Axtell (2001), Zipf's law for firm sizes",
                  "Hill exponent of employees (top 10%, month 120) in [0.8, 1.5]",
                  "band [0.8, 1.5], mean of 5 seeds", test::num(hill, 3), hill_ok, cmd});
    test::record({"stylised: tie survival " + scenario,
                  "Mizuno, Souma & Watanabe (2014): 92% of customer links a year",
                  "share of month-60 supplier-customer pairs trading at month 72 ≈ 0.92",
                  "±0.05, mean of 5 seeds",
                  test::num(survival, 3) + " (same tie never broken " + test::num(never_broken, 3) + "; " +
                      test::num(exited, 2) + " lost with exiting firms)",
                  ties_ok, cmd});
    CHECK(hill >= 0.8);
    CHECK(hill <= 1.5);
    // A known deviation (docs/ODD.md §10 row 19, §8.1): reported, not failing, so that the size-tail CHECKs
    // above are not shielded by marking the whole test [!mayfail].
    CHECK_NOFAIL(std::abs(survival - 0.92) <= 0.05);
  }
}
