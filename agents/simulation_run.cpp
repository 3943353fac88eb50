#include "agents/simulation_run.hpp"

namespace vicsim::agents {

std::vector<sim::TickMetrics> run_simulation(
    ClusterModel& model, std::int32_t ticks, const std::vector<RunObserver*>& observers,
    const std::function<void(std::int32_t, std::int32_t)>& progress) {
  std::vector<sim::TickMetrics> series;
  series.reserve(static_cast<std::size_t>(ticks));
  sim::TraditionalStageDetector detector(model.params().stages);
  for (std::int32_t t = 1; t <= ticks; ++t) {
    model.step();
    const auto snapshot = sim::undirected_snapshot(model.world());
    const auto net = sim::network_stats(snapshot);
    sim::MetricsInput in{&model.world(), model.last_stats(), model.params().population.sme_threshold};
    auto m = sim::compute_metrics(in, net);
    m.stage = static_cast<double>(detector.update(sim::stage_indicators(m)));
    for (auto* o : observers) o->on_tick(model.world(), m, snapshot);
    series.push_back(m);
    if (progress) progress(t, ticks);
  }
  return series;
}

}  // namespace vicsim::agents
