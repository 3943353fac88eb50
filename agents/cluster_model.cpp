#include "agents/cluster_model.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "agents/accounts.hpp"
#include "agents/adoption.hpp"
#include "agents/firm_compaction.hpp"
#include "agents/household_consumption.hpp"
#include "agents/model_phases.hpp"
#include "agents/platform_founding.hpp"
#include "agents/population.hpp"
#include "sim/tie_compaction.hpp"

namespace vicsim::agents {

std::vector<std::size_t> customers_first_order(const sim::World& w, const sim::FirmDirectory& dir,
                                               const std::vector<std::vector<sim::InputNeed>>& needs) {
  using TypeGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  TypeGraph g(dir.n_types());
  for (std::size_t t = 0; t < needs.size(); ++t)
    for (const auto& n : needs[t]) boost::add_edge(dir.type_key(n.industry, n.stage), t, g);
  std::vector<std::size_t> order;
  try {
    // topological_sort emits vertices in reverse topological order: customers before suppliers.
    boost::topological_sort(g, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    throw CyclicValueChain("the industries' cross inputs form a cycle");
  }
  (void)w;
  return order;
}

ClusterModel::ClusterModel(sim::World world, ModelParams params, unsigned threads,
                           std::vector<Policy> policies, std::vector<Shock> shocks, bool compact_exited_firms)
    : compact_exited_firms_(compact_exited_firms) {
  c_.world = std::move(world);
  c_.params = params;
  c_.policies = std::move(policies);
  c_.shocks = std::move(shocks);
  c_.threads = threads == 0 ? 1 : threads;
  c_.world.compute_distances();
  c_.directory.rebuild(c_.world);
  const std::size_t n = c_.directory.n_types();
  c_.needs.resize(n);
  c_.type_of.resize(n);
  for (std::size_t i = 0; i < c_.world.industries.size(); ++i)
    for (std::size_t s = 0; s < c_.world.industries[i].stages.size(); ++s) {
      const auto t = c_.directory.type_key(i, s);
      c_.type_of[t] = {i, s};
      c_.needs[t] = sim::input_needs(c_.world.industries, i, s);
    }
  c_.buyers_of.assign(n, {});
  for (std::size_t t = 0; t < n; ++t)
    for (std::size_t slot = 0; slot < c_.needs[t].size(); ++slot)
      c_.buyers_of[c_.directory.type_key(c_.needs[t][slot].industry, c_.needs[t][slot].stage)].push_back(
          {t, static_cast<std::uint16_t>(slot)});
  c_.customers_first = customers_first_order(c_.world, c_.directory, c_.needs);
  c_.mean_price.assign(n, 0.0);
  c_.mean_productivity.assign(n, 1.0);
  std::size_t most_inputs = 0;
  for (const auto& needs : c_.needs) most_inputs = std::max(most_inputs, needs.size());
  if (most_inputs > sim::kMaxInputSlots)
    throw std::invalid_argument(
        "a firm type needs more than 256 kinds of input; ties store the slot in 8 bits");
  c_.world.firms.set_input_slots(most_inputs);  // before populate reserves the firm arrays
  c_.world.firms.maturity_productivity_gain = c_.params.adoption.maturity_productivity_gain;  // 7.108
  populate(c_);
  add_founding_slots(c_.world, c_.params.founding);  // before per-platform state and the SimGrid layer
  // Every data centre starts with the scenario's uplink; platforms may add to it (7.21).
  for (auto& pl : c_.world.platforms)
    if (pl.uplink_gbps <= 0.0) pl.uplink_gbps = c_.params.infrastructure.uplink_gbps;
  c_.demand_multiplier.assign(c_.world.industries.size(), 1.0);
  c_.voucher_share.assign(c_.world.firms.size(), 0.0);
  c_.treated.assign(c_.world.regions.size(), 0);
  c_.reach.assign(c_.world.platforms.size(), 0u);
  c_.members_of_type.assign(n, {});
  if (c_.params.infrastructure.enabled && !c_.world.platforms.empty()) {
    c_.infrastructure =
        std::make_unique<sim::InfrastructureLayer>(c_.world.regions.size(), c_.world.platforms.size());
    c_.pushed_infrastructure.assign(c_.world.regions.size(), -1.0);
    c_.pushed_gflops.assign(c_.world.platforms.size(), -1.0);
    c_.pushed_uplink.assign(c_.world.platforms.size(), -1.0);
    c_.pushed_host.assign(c_.world.platforms.size(), -1);
  }
  c_.ledger.open(measure_stocks(c_));
  warm_up();
  open_month_one_deposits(c_);  // 7.69, 7.85
  // A chain-master-led platform is owned by its industry's largest chain-master firm (alive at month 1).
  for (auto& pl : c_.world.platforms) {
    if (pl.owner_industry < 0) continue;
    double best = -1.0;
    for (sim::FirmIndex i = 0; i < c_.world.firms.size(); ++i)
      if (c_.world.firms.alive[i] && c_.world.firms.chain_master[i] &&
          static_cast<std::int32_t>(sim::idx(c_.world.firms.industry[i])) == pl.owner_industry &&
          c_.world.firms.employees[i] > best) {
        best = c_.world.firms.employees[i];
        pl.owner_firm = static_cast<std::int64_t>(c_.world.firms.id(i));
      }
  }
}

void ClusterModel::warm_up() {
  const auto months = static_cast<std::int32_t>(c_.params.population.warmup_months);
  if (months <= 0) return;
  sim::World& w = c_.world;
  // Warm-up months are ticks −W+1 … 0, so month 1 is still tick 1 and every start month (policies, shocks,
  // platform launches) keeps its meaning; draws are keyed by these ticks like any other.
  w.tick = -months;
  for (std::int32_t k = 0; k < months; ++k) {
    if (k % sim::kCompactTiesEvery == 0) {  // same results, less memory, fewer cache misses
      clock_.start();
      compact();
      clock_.lap("compaction");
    }
    step();
  }
  // Month 1 starts here: survivors and warm-up entrants are the initial population, real output is
  // deflated to month-1 prices, and nothing of the warm-up is counted.
  for (auto i : c_.directory.alive()) w.firms.entry_tick[i] = 0;
  c_.base_price.clear();
  c_.stats = {};
  // Phase times cover months 1…T; the warm-up is timed as setup, its own phase times kept apart.
  warm_up_clock_ = std::exchange(clock_, sim::PhaseClock{});
}

void ClusterModel::compact() {
  if (compact_exited_firms_) compact_firm_slots(c_);
  sim::compact_ties(c_.world.network, c_.threads);
}

void ClusterModel::force_join(sim::FirmIndex f, std::size_t p) {
  if (p < c_.world.platforms.size() && sim::takes_firm_members(c_.world.platforms[p]) &&
      c_.world.firms.alive[f] && !c_.world.firms.member_of(f, p)) {
    // Between ticks the platform's month is closed: the entry fee goes to its cash at once.
    auto& pl = c_.world.platforms[p];
    const sim::Money closed_month = pl.revenue;
    join_platform(c_, f, p);
    pl.cash += pl.revenue - closed_month;
    pl.revenue = closed_month;
  }
}

void ClusterModel::release_infrastructure() {
  released_ = true;
  c_.infrastructure.reset();
}

void ClusterModel::step() {
  // Without its layer the phases would run as if the infrastructure were off: a different model.
  if (released_) throw std::logic_error("ClusterModel::step after release_infrastructure");
  clock_.start();
  sim::World& w = c_.world;
  ++w.tick;
  c_.stats = {};
  const bool warming_up = w.tick <= 0;  // see warm_up and ModelPhase::in_warm_up
  c_.ledger.begin_tick(w.tick);
  for (const auto& phase : model_phases()) {
    if (warming_up && !phase.in_warm_up) continue;
    phase.run(c_);
    if (phase.clock) clock_.lap(phase.clock);
  }
}

}  // namespace vicsim::agents
