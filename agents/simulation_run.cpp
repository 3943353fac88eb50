#include "agents/simulation_run.hpp"

#include "agents/mechanism_registry.hpp"
#include "agents/supplier_beliefs.hpp"
#include "sim/tie_compaction.hpp"

namespace vicsim::agents {

sim::TraditionalStageParams resolved_stage_params(const ModelParams& p) {
  sim::TraditionalStageParams s = p.stages;
  // "A value chain has been built": the mean supply tie is as trusted as a tie to an average supplier
  // after evidence_half deliveries, half the trust attainable (docs/ODD.md 7.14).
  if (s.chain_trust < 0.0) s.chain_trust = established_trust(p.information, p.information.evidence_half);
  return s;
}

TickRunner::TickRunner(ClusterModel& model)
    : model_(model),
      detector_(resolved_stage_params(model.params())),
      platform_detector_(model.params().platform_stages) {}

sim::TickMetrics TickRunner::step(const std::vector<RunObserver*>& observers) {
  auto& clock = model_.phase_clock();
  clock.start();
  // Before the month's loops walk the ties: exited firms' slots dropped and the tie records in customer
  // order, not scattered (same results).
  sim::World& w = model_.mutable_context().world;
  if (w.tick % sim::kCompactTiesEvery == 0) model_.compact();
  clock.lap("compaction");
  model_.step();
  const unsigned threads = model_.context().threads;
  // The metrics' buffers are locals, each released as soon as its pass is done: kept from month to month
  // (as they were until session 20), they stayed resident through next month's settlement, which then set
  // the run's peak memory on top of them (docs/PERFORMANCE.md, session 20). Rebuilding them costs page
  // faults, not results.
  sim::UndirectedSnapshot snapshot;
  sim::build_undirected_snapshot(w, snapshot, threads);
  clock.lap("metrics: network snapshot");
  sim::NetworkStats net;
  {
    sim::NetworkScratch scratch;
    net = sim::network_stats(snapshot, {w.seed, w.tick, threads}, scratch);
  }
  clock.lap("metrics: network statistics");
  sim::MetricsInput in{&w, model_.last_stats(), model_.params().population.sme_threshold, threads,
                       model_.context().transaction_cost_parts};
  auto m = sim::compute_metrics(in, net);       // its scratch is freed on return
  fill_mechanism_columns(model_.context(), m);  // the columns the mechanism registry declares
  m.stage = static_cast<double>(detector_.update(sim::stage_indicators(m)));
  const bool any_platform = m.platforms_alive > 0;
  const auto [path, eco] = platform_detector_.update(sim::platform_indicators(m), any_platform);
  m.platform_path_stage = static_cast<double>(path);
  m.ecosystem_stage = static_cast<double>(eco);
  spent_ += m.policy_spend;
  m.policy_spend_cumulative = spent_;
  clock.lap("metrics: other columns");
  for (auto* o : observers) o->on_tick(w, m, snapshot);
  clock.lap("output: observers (panels, GraphML)");
  return m;
}

std::vector<sim::TickMetrics> run_simulation(
    ClusterModel& model, std::int32_t ticks, const std::vector<RunObserver*>& observers,
    const std::function<void(std::int32_t, std::int32_t)>& progress) {
  std::vector<sim::TickMetrics> series;
  series.reserve(static_cast<std::size_t>(ticks));
  TickRunner runner(model);
  for (std::int32_t t = 1; t <= ticks; ++t) {
    series.push_back(runner.step(observers));
    if (progress) progress(t, ticks);
  }
  return series;
}

}  // namespace vicsim::agents
