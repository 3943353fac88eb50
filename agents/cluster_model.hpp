#pragma once
/** @file The cluster model: builds the initial state and advances it one month at a time through an
 * ordered list of phases. It never reads files, prints or draws. */
#include <functional>

#include "agents/model_context.hpp"
#include "sim/phase_clock.hpp"

namespace vicsim::agents {

/** @brief Thrown when the industries' input links form a cycle (the value chain must be a DAG). */
struct CyclicValueChain : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief Owns the model state and runs ticks. */
class ClusterModel {
 public:
  /** @brief Takes a world with regions, industries and (not yet launched) platforms set, creates the
   * firms and the initial network, and claims SimGrid slots when the infrastructure layer is on. With
   * `compact_exited_firms` false, exited firms keep their slots (compact() only compacts the ties): the
   * results are the same, the memory is not (the check of compaction, and `--keep-exited-slots`). */
  ClusterModel(sim::World world, ModelParams params, unsigned threads = 1, std::vector<Policy> policies = {},
               std::vector<Shock> shocks = {}, bool compact_exited_firms = true);

  /** @brief Advances one tick (one month): demand, prices, orders, accounts, learning, ties, demography. */
  void step();
  /** @brief Ends the run: gives the SimGrid layer's slots back to the process-wide pool
   * (sim::InfrastructureLayer), so that the next simulation in this process (a counterfactual twin) can claim
   * them while this model's results are still read. The model cannot step after it (step() throws
   * std::logic_error). */
  void release_infrastructure();

  /** @brief Between months: drops exited firms' slots (renumbering the others in order; ids stay) and
   * rewrites the tie storage in customer order. Results do not change; firm slots and tie references taken
   * before are invalid after. The tick loop and the warm-up call it every sim::kCompactTiesEvery months. */
  void compact();

  const sim::World& world() const { return c_.world; }
  const ModelParams& params() const { return c_.params; }
  const ModelContext& context() const { return c_; }
  /** @brief Policies with their spending so far. */
  const std::vector<Policy>& policies() const { return c_.policies; }
  /** @brief Puts firm f on platform p now: for controlled experiments (matched joiners in tests,
   * what-if analyses). Does nothing for a dead firm, a member, or the middle platform, which takes no firm
   * members (sim::takes_firm_members). */
  void force_join(sim::FirmIndex f, std::size_t p);
  /** @brief Changes a parameter mid-run (the visualizer's classroom sliders). */
  ModelParams& mutable_params() { return c_.params; }
  /** @brief The whole state between ticks, for controlled experiments on one mechanism (unit tests). */
  ModelContext& mutable_context() { return c_; }
  /** @brief Mutable regions, for live infrastructure changes (pushed to SimGrid next tick). */
  std::vector<sim::Region>& mutable_regions() { return c_.world.regions; }
  /** @brief Events of the last completed tick. */
  const sim::TickStats& last_stats() const { return c_.stats; }
  /** @brief Changes parameters between ticks (the visualizer's classroom sliders). `edit` may change the
   * parameters, regions' infrastructure, platforms' fees and policies' settings, never firm state, the
   * network or what policies have spent. */
  void retune(const std::function<void(ModelParams&, sim::World&, std::vector<Policy>&)>& edit) {
    edit(c_.params, c_.world, c_.policies);
  }
  /** @brief Worker threads for the parallel phases (results do not depend on it). */
  void set_threads(unsigned n) { c_.threads = n == 0 ? 1 : n; }
  /** @brief Wall time per phase of step() so far (also lapped by the tick loop for metrics and output). */
  sim::PhaseClock& phase_clock() { return clock_; }
  /** @brief Wall time per phase of the warm-up months (ticks ≤ 0, compaction included), which the
   * constructor runs and callers time as part of setup; phase_clock() starts empty after them. */
  const sim::PhaseClock& warm_up_clock() const { return warm_up_clock_; }

 private:
  /** @brief Runs population.warmup_months unrecorded months (ticks −W+1 … 0) of the firm economy alone, so
   * month 1 starts near balance (docs/ODD.md 7.1a). */
  void warm_up();

  ModelContext c_;
  sim::PhaseClock clock_;
  sim::PhaseClock warm_up_clock_;
  bool compact_exited_firms_ = true;
  bool released_ = false;  ///< release_infrastructure was called: no more steps
};

/** @brief Type keys of a world's industries in customers-first order; throws CyclicValueChain. */
std::vector<std::size_t> customers_first_order(const sim::World& w, const sim::FirmDirectory& dir,
                                               const std::vector<std::vector<sim::InputNeed>>& needs);

}  // namespace vicsim::agents
