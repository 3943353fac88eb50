#include "app/scenario_run.hpp"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "agents/demography.hpp"
#include "app/cli_support.hpp"
#include "reports/accounts_writer.hpp"
#include "reports/pilot_effect.hpp"
#include "reports/platform_panel.hpp"
#include "reports/policy_ledger.hpp"
#include "reports/region_panel.hpp"
#include "reports/route_panel.hpp"
#include "reports/run_writers.hpp"
#include "reports/summary_keys.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/world_builder.hpp"
#include "sim/phase_clock.hpp"
#include "vicsim_version.hpp"

namespace vicsim::app {

namespace fs = std::filesystem;

double process_cpu_seconds() {
  return sim::cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);  // ns resolution; getrusage's may be a scheduler tick
}

namespace {
/** The twin runs (no shocks, no pilot) show no progress but stop on SIGINT/SIGTERM like the main run. */
void twin_progress(std::int32_t, std::int32_t) { check_interrupted(); }

std::vector<sim::TickMetrics> run_scenario_unchecked(
    const scenarios::Scenario& s, const fs::path& dir, const RunProvenance& provenance, unsigned threads,
    const std::function<void(std::int32_t, std::int32_t)>& progress, int pilot_replications,
    RunInstruments* instruments);
}  // namespace

std::vector<sim::TickMetrics> run_scenario_into(
    const scenarios::Scenario& s, const fs::path& dir, const RunProvenance& provenance, unsigned threads,
    const std::function<void(std::int32_t, std::int32_t)>& progress, int pilot_replications,
    RunInstruments* instruments) {
  try {
    return run_scenario_unchecked(s, dir, provenance, threads, progress, pilot_replications, instruments);
  } catch (const agents::FirmLimitExceeded& e) {
    throw UserError(provenance.source_file + ": mechanisms.demography.max_firms: run stopped: " + e.what());
  }
}

namespace {
std::vector<sim::TickMetrics> run_scenario_unchecked(
    const scenarios::Scenario& s, const fs::path& dir, const RunProvenance& provenance, unsigned threads,
    const std::function<void(std::int32_t, std::int32_t)>& progress, int pilot_replications,
    RunInstruments* instruments) {
  check_interrupted();
  sim::PhaseClock unused;
  sim::PhaseClock& clock = instruments ? instruments->clock : unused;
  if (instruments && instruments->lap_hook) clock.set_lap_hook(instruments->lap_hook);
  clock.start();
  nlohmann::json resolved = scenarios::to_json(s);
  resolved["provenance"] = {{"vicsim_version", kVersion},
                            {"git_hash", kGitHash},
                            {"seed", s.seed},
                            {"source_file", provenance.source_file},
                            {"overrides", provenance.overrides}};
  write_file(dir / "scenario.resolved.json", [&](std::ostream& out) { out << resolved.dump(2) << "\n"; });

  const bool compact = !(instruments && instruments->keep_exited_slots);
  auto model = scenarios::build_model(s, threads, compact);
  if (instruments && instruments->lap_hook) model.phase_clock().set_lap_hook(instruments->lap_hook);
  if (instruments) instruments->warm_up = model.warm_up_clock();
  install_interrupt_handlers();  // SimGrid's Engine, created by the first model, took SIGINT
  reports::RegionPanelRecorder regions(model);
  reports::PolicyLedgerRecorder policies(model);
  reports::PlatformPanelRecorder platforms(model);
  const bool has_platforms = !model.world().platforms.empty();
  reports::RoutePanelRecorder routes(model);
  const bool has_routes = has_platforms && model.context().infrastructure != nullptr;
  reports::AccountsRecorder accounts(model);
  std::vector<agents::RunObserver*> observers{&regions, &accounts};
  if (!model.policies().empty()) observers.push_back(&policies);
  if (has_platforms) observers.push_back(&platforms);
  if (has_routes) observers.push_back(&routes);
  std::unique_ptr<reports::GraphmlRecorder> graphml;
  if (s.output.graphml) {
    fs::create_directories(dir / "network");
    graphml = std::make_unique<reports::GraphmlRecorder>(dir / "network", s.output.network_every, s.ticks,
                                                         model.context().threads);
    observers.push_back(graphml.get());
  }
  clock.lap(kSetupPhase);
  if (instruments) instruments->setup_cpu_s = process_cpu_seconds();
  const auto series = agents::run_simulation(model, s.ticks, observers, progress);
  // The counterfactual twins below each claim SimGrid slots; this run no longer needs its own.
  model.release_infrastructure();
  clock.merge(model.phase_clock());
  if (instruments && instruments->inspect_final) instruments->inspect_final(model);
  clock.start();
  const reports::RunLabel label{s.name, s.seed};
  write_file(dir / "timeseries.csv",
             [&](std::ostream& out) { reports::write_timeseries_csv(out, label, series); });
  write_file(dir / "firms.csv", [&](std::ostream& out) { reports::write_firms_csv(out, model.world()); });
  write_file(dir / "regions.csv", [&](std::ostream& out) { regions.write_csv(out, label); });
  write_file(dir / "accounts.csv", [&](std::ostream& out) { accounts.write_accounts_csv(out); });
  write_file(dir / "stocks.csv", [&](std::ostream& out) { accounts.write_stocks_csv(out); });
  write_file(dir / "goods.csv", [&](std::ostream& out) { accounts.write_goods_csv(out); });
  if (!model.policies().empty())
    write_file(dir / "policies.csv", [&](std::ostream& out) { policies.write_csv(out, label); });
  if (has_platforms)
    write_file(dir / "platforms.csv", [&](std::ostream& out) { platforms.write_csv(out, label); });
  if (has_routes) write_file(dir / "routes.csv", [&](std::ostream& out) { routes.write_csv(out, label); });
  // With shocks, the same scenario and seed without them is the counterfactual for the resilience measures.
  std::vector<sim::TickMetrics> no_shock;
  clock.lap("output: files");
  if (!s.shocks.empty()) {
    scenarios::Scenario calm = s;
    calm.shocks.clear();
    check_interrupted();
    auto twin = scenarios::build_model(calm, threads, compact);
    no_shock = agents::run_simulation(twin, calm.ticks, {}, twin_progress);
    twin.release_infrastructure();
    clock.lap("counterfactual runs (shocks, pilot)");
  }
  auto summary = reports::run_summary(label, model, series, s.shocks.empty() ? nullptr : &no_shock);
  // With a pilot, the same scenario and seed without it gives the pilot's true effect per region; further
  // with/without pairs (seed + r, as `vicsim compare`) give its spread.
  const auto pilot = std::find_if(s.policies.begin(), s.policies.end(),
                                  [](const scenarios::PolicySpec& p) { return p.instrument == "pilot"; });
  if (pilot != s.policies.end()) {
    std::vector<reports::PilotReplication> reps;
    for (int r = 0; r < std::max(1, pilot_replications); ++r) {
      scenarios::Scenario treated = s;
      treated.seed = s.seed + static_cast<std::uint64_t>(r);
      scenarios::Scenario untreated = treated;
      std::erase_if(untreated.policies,
                    [](const scenarios::PolicySpec& p) { return p.instrument == "pilot"; });
      check_interrupted();
      auto twin = scenarios::build_model(untreated, threads, compact);
      reports::RegionPanelRecorder twin_regions(twin);
      const auto twin_series = agents::run_simulation(twin, untreated.ticks, {&twin_regions}, twin_progress);
      twin.release_infrastructure();
      std::vector<sim::TickMetrics> with_series = series;
      std::vector<reports::RegionPanelRow> with_rows = regions.rows();
      if (r > 0) {
        auto again = scenarios::build_model(treated, threads, compact);
        reports::RegionPanelRecorder again_regions(again);
        with_series = agents::run_simulation(again, treated.ticks, {&again_regions}, twin_progress);
        with_rows = again_regions.rows();
      }
      const double extra =
          with_series.empty() || twin_series.empty()
              ? 0.0
              : with_series.back().policy_spend_cumulative - twin_series.back().policy_spend_cumulative;
      reps.push_back(
          {treated.seed, extra, reports::pilot_effects(with_rows, twin_regions.rows(), pilot->start)});
    }
    write_file(dir / "pilot_effect.csv",
               [&](std::ostream& out) { reports::write_pilot_effect_csv(out, s.name, pilot->start, reps); });
    nlohmann::json e = nlohmann::json::object();
    for (const auto& x : reports::summarise_pilot_effects(reps))
      e[x.outcome] = {{"treated", x.treated.mean}, {"control", x.control.mean}};
    summary[reports::summary_keys::kPilotEffect] = e;
    summary[reports::summary_keys::kPilotReplications] = reps.size();
    clock.lap("counterfactual runs (shocks, pilot)");
  }
  write_file(dir / "summary.json", [&](std::ostream& out) { out << summary.dump(2) << "\n"; });
  clock.lap("output: files");
  check_interrupted();
  return series;
}
}  // namespace

}  // namespace vicsim::app
