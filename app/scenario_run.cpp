#include "app/scenario_run.hpp"

#include <nlohmann/json.hpp>

#include "app/cli_support.hpp"
#include "reports/run_writers.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"
#include "vicsim_version.hpp"

namespace vicsim::app {

namespace fs = std::filesystem;

std::vector<sim::TickMetrics> run_scenario_into(
    const scenarios::Scenario& s, const fs::path& dir, const RunProvenance& provenance, unsigned threads,
    const std::function<void(std::int32_t, std::int32_t)>& progress) {
  nlohmann::json resolved = scenarios::to_json(s);
  resolved["provenance"] = {{"vicsim_version", kVersion},
                            {"git_hash", kGitHash},
                            {"seed", s.seed},
                            {"source_file", provenance.source_file},
                            {"overrides", provenance.overrides}};
  write_file(dir / "scenario.resolved.json", [&](std::ostream& out) { out << resolved.dump(2) << "\n"; });

  auto model = scenarios::build_model(s, threads);
  std::vector<agents::RunObserver*> observers;
  std::unique_ptr<reports::GraphmlRecorder> graphml;
  if (s.output.graphml) {
    fs::create_directories(dir / "network");
    graphml = std::make_unique<reports::GraphmlRecorder>(dir / "network", s.output.network_every, s.ticks);
    observers.push_back(graphml.get());
  }
  const auto series = agents::run_simulation(model, s.ticks, observers, progress);
  const reports::RunLabel label{s.name, s.seed};
  write_file(dir / "timeseries.csv",
             [&](std::ostream& out) { reports::write_timeseries_csv(out, label, series); });
  write_file(dir / "firms.csv", [&](std::ostream& out) { reports::write_firms_csv(out, model.world()); });
  write_file(dir / "summary.json", [&](std::ostream& out) {
    out << reports::run_summary(label, model.world(), series, s.mechanisms.population.sme_threshold).dump(2)
        << "\n";
  });
  return series;
}

}  // namespace vicsim::app
