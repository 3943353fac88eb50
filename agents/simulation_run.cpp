#include "agents/simulation_run.hpp"

namespace vicsim::agents {

std::vector<sim::TickMetrics> run_simulation(
    ClusterModel& model, std::int32_t ticks, const std::vector<RunObserver*>& observers,
    const std::function<void(std::int32_t, std::int32_t)>& progress) {
  std::vector<sim::TickMetrics> series;
  series.reserve(static_cast<std::size_t>(ticks));
  sim::TraditionalStageDetector detector(model.params().stages);
  sim::PlatformStageDetector platform_detector(model.params().platform_stages);
  double spent = 0.0;
  for (std::int32_t t = 1; t <= ticks; ++t) {
    model.step();
    const auto snapshot = sim::undirected_snapshot(model.world());
    const auto net = sim::network_stats(snapshot);
    sim::MetricsInput in{&model.world(), model.last_stats(), model.params().population.sme_threshold};
    auto m = sim::compute_metrics(in, net);
    m.stage = static_cast<double>(detector.update(sim::stage_indicators(m)));
    const bool any_platform = m.platforms_alive > 0;
    const auto [path, eco] = platform_detector.update(sim::platform_indicators(m), any_platform);
    m.platform_path_stage = static_cast<double>(path);
    m.ecosystem_stage = static_cast<double>(eco);
    spent += m.policy_spend;
    m.policy_spend_cumulative = spent;
    for (auto* o : observers) o->on_tick(model.world(), m, snapshot);
    series.push_back(m);
    if (progress) progress(t, ticks);
  }
  return series;
}

}  // namespace vicsim::agents
