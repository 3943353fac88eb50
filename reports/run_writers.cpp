#include "reports/run_writers.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>

#include "agents/mechanism_registry.hpp"
#include "reports/csv_field.hpp"
#include "reports/drop_behind_file.hpp"
#include "reports/number_format.hpp"
#include "reports/output_error.hpp"
#include "reports/policy_ledger.hpp"
#include "reports/summary_keys.hpp"
#include "sim/resilience.hpp"
#include "sim/tail_exponent.hpp"
#include "vicsim_version.hpp"

namespace vicsim::reports {

void write_timeseries_csv(std::ostream& out, const RunLabel& label,
                          const std::vector<sim::TickMetrics>& series) {
  out << "scenario,seed";
  for (const auto& c : agents::timeseries_columns()) out << ',' << c.name;
  out << ",stage_name,platform_path_stage_name,ecosystem_stage_name\n";
  for (const auto& m : series) {
    out << csv_field(label.scenario) << ',' << label.seed;
    for (const auto& c : agents::timeseries_columns()) out << ',' << format_number(m.*(c.member));
    out << ',' << sim::stage_name(static_cast<sim::TraditionalStage>(m.stage)) << ','
        << sim::stage_name(static_cast<sim::PlatformPathStage>(m.platform_path_stage)) << ','
        << sim::stage_name(static_cast<sim::EcosystemStage>(m.ecosystem_stage)) << '\n';
  }
}

void write_firms_csv(std::ostream& out, const sim::World& w) {
  const auto& f = w.firms;
  out << "firm_id,region,industry,stage,alive,entry_tick,exit_tick,chain_master,employees,productivity,"
         "digital_maturity,reputation,cash_yuan,output_units,price_yuan,profit_yuan,suppliers,customers,"
         "collaborators,on_cloud,cloud_tick,platforms,first_join_tick\n";
  auto tick_or_na = [](std::int32_t t) { return t < 0 ? std::string("NA") : std::to_string(t); };
  auto write_row = [&](std::uint64_t id, sim::RegionId region, sim::IndustryId industry, std::uint8_t stage,
                       bool alive, std::int32_t entry, std::int32_t exit, std::uint8_t chain_master,
                       double employees, double productivity, double maturity, double reputation, double cash,
                       double output, double price, double profit, std::size_t sup, std::size_t cus,
                       std::size_t col, std::uint8_t on_cloud, std::int32_t cloud_tick, int platforms,
                       std::int32_t first_join) {
    const auto& ind = w.industries[sim::idx(industry)];
    out << id << ',' << csv_field(w.regions[sim::idx(region)].name) << ',' << csv_field(ind.name) << ','
        << csv_field(ind.stages[stage]) << ',' << int(alive) << ',' << entry << ',' << tick_or_na(exit) << ','
        << int(chain_master) << ',' << format_number(employees) << ',' << format_number(productivity) << ','
        << format_number(maturity) << ',' << format_number(reputation) << ',' << format_number(cash) << ','
        << format_number(output) << ',' << format_number(price) << ',' << format_number(profit) << ',' << sup
        << ',' << cus << ',' << col << ',' << int(on_cloud) << ',' << tick_or_na(cloud_tick) << ','
        << platforms << ',' << tick_or_na(first_join) << '\n';
  };
  // Firms compacted away (w.exited, by id) and the slots (by id) merged in id order.
  const auto& gone = w.exited.rows();
  std::size_t g = 0;
  auto write_gone_before = [&](std::uint64_t id) {
    for (; g < gone.size() && gone[g].id < id; ++g) {
      const sim::ExitedFirm& r = gone[g];
      write_row(r.id, r.region, r.industry, r.stage, false, r.entry_tick, r.exit_tick, r.chain_master,
                r.employees, r.productivity, r.digital_maturity, r.reputation, r.cash.yuan, r.output, r.price,
                r.profit.yuan, 0, 0, 0, r.on_cloud, r.cloud_tick, r.platform_count, r.first_join_tick);
    }
  };
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    write_gone_before(f.id(i));
    if (!f.alive[i] && f.exit_tick[i] < 1) continue;  // exited during the unrecorded warm-up
    std::size_t sup = 0, cus = 0, col = 0;
    for (const auto& a : w.network.in_arcs(i)) (a.is_supply() ? sup : col) += 1;  // the kind in the entry
    for (const auto& a : w.network.out_arcs(i)) (a.is_supply() ? cus : col) += 1;
    write_row(f.id(i), f.region[i], f.industry[i], f.stage[i], f.alive[i], f.entry_tick[i], f.exit_tick[i],
              f.chain_master[i], f.employees[i], f.productivity[i], f.digital_maturity[i], f.reputation[i],
              f.cash[i].yuan, f.output[i], f.price[i], f.profit[i].yuan, sup, cus, col, f.on_cloud[i],
              f.cloud_tick[i], std::popcount(f.platforms[i]), f.first_join_tick[i]);
  }
  write_gone_before(std::numeric_limits<std::uint64_t>::max());
}

namespace {

/** First tick at which `stage_of(m)` reached each rung 1..3 of a stage ladder (null if never). */
template <typename Stage>
nlohmann::json first_reached(const std::vector<sim::TickMetrics>& series, double sim::TickMetrics::*stage) {
  nlohmann::json reached = nlohmann::json::object();
  for (int k = 1; k <= 3; ++k) {
    const auto name = std::string(sim::stage_name(static_cast<Stage>(k)));
    reached[name] = nullptr;
    for (const auto& m : series)
      if (m.*stage >= k) {
        reached[name] = static_cast<std::int64_t>(m.tick);  // a month: a JSON integer, not 6.0
        break;
      }
  }
  return reached;
}

nlohmann::json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}

nlohmann::json resilience_json(const sim::ResilienceMeasures& r) {
  return {{"baseline", number_or_null(r.baseline)},
          {"trough_change", number_or_null(r.trough_change)},
          {"trough_tick", r.trough_tick < 0 ? nlohmann::json(nullptr) : nlohmann::json(r.trough_tick)},
          {"loss_months", number_or_null(r.loss_months)},
          // Nothing measured (the shock starts after the run's last month): neither recovered nor not.
          {"recovered", std::isfinite(r.baseline) ? nlohmann::json(r.recovered) : nlohmann::json(nullptr)},
          {"recovery_months", number_or_null(r.recovery_months)}};
}

}  // namespace

nlohmann::json run_summary(const RunLabel& label, const agents::ClusterModel& model,
                           const std::vector<sim::TickMetrics>& series,
                           const std::vector<sim::TickMetrics>* no_shock) {
  const sim::World& w = model.world();
  nlohmann::json j;
  j["scenario"] = label.scenario;
  j["seed"] = label.seed;
  j["ticks"] = series.size();
  j["vicsim_version"] = kVersion;
  j["git_hash"] = kGitHash;
  auto row = [](const sim::TickMetrics& m) {
    nlohmann::json r;
    for (const auto& c : agents::timeseries_columns()) r[std::string(c.name)] = m.*(c.member);
    r["stage_name"] = sim::stage_name(static_cast<sim::TraditionalStage>(m.stage));
    r["platform_path_stage_name"] =
        sim::stage_name(static_cast<sim::PlatformPathStage>(m.platform_path_stage));
    r["ecosystem_stage_name"] = sim::stage_name(static_cast<sim::EcosystemStage>(m.ecosystem_stage));
    return r;
  };
  if (!series.empty()) {
    j[summary_keys::kFirstTick] = row(series.front());
    j[summary_keys::kFinal] = row(series.back());
  }
  j[summary_keys::kTraditionalStageReached] =
      first_reached<sim::TraditionalStage>(series, &sim::TickMetrics::stage);
  j[summary_keys::kPlatformPathStageReached] =
      first_reached<sim::PlatformPathStage>(series, &sim::TickMetrics::platform_path_stage);
  j[summary_keys::kEcosystemStageReached] =
      first_reached<sim::EcosystemStage>(series, &sim::TickMetrics::ecosystem_stage);
  std::vector<double> sizes;
  for (sim::FirmIndex i = 0; i < w.firms.size(); ++i)
    if (w.firms.alive[i]) sizes.push_back(w.firms.employees[i]);
  const double alpha = sim::hill_tail_exponent(sizes, 0.1);
  j["firm_size_tail_exponent"] = std::isnan(alpha) ? nlohmann::json(nullptr) : nlohmann::json(alpha);
  j["sme_threshold"] = model.params().population.sme_threshold;

  nlohmann::json policies = nlohmann::json::array();
  for (const auto& p : model.policies())
    policies.push_back({{"name", p.name},
                        {"instrument", agents::instrument_name(p.instrument)},
                        {"target", policy_target_text(p, w)},
                        {"start", p.start},
                        {"end", p.end},
                        {"budget", p.budget.yuan},
                        {"spent", p.spent.yuan}});
  j["policies"] = policies;

  auto column = [](const std::vector<sim::TickMetrics>& ms, double sim::TickMetrics::*member) {
    std::vector<double> v;
    for (const auto& m : ms) v.push_back(m.*member);
    return v;
  };
  nlohmann::json shocks = nlohmann::json::array();
  for (const auto& s : model.context().shocks) {
    nlohmann::json k = {{"name", s.name},
                        {"kind", s.kind == agents::Shock::Kind::Demand ? "demand" : "regional_disruption"},
                        {"start", s.start},
                        {"duration", s.duration},
                        {"magnitude", s.magnitude}};
    for (auto [name, member] :
         {std::pair{"output", &sim::TickMetrics::output}, std::pair{"firms", &sim::TickMetrics::firms}}) {
      const auto x = column(series, member);
      k[name] = resilience_json(sim::resilience_measures(x, s.start, s.duration));
      if (no_shock)
        k[std::string(name) + "_vs_no_shock"] =
            resilience_json(sim::resilience_against(x, column(*no_shock, member), s.start, s.duration));
    }
    shocks.push_back(k);
  }
  j["shocks"] = shocks;
  return j;
}

void GraphmlRecorder::on_tick(const sim::World& w, const sim::TickMetrics& m,
                              const sim::UndirectedSnapshot&) {
  const auto t = static_cast<std::int32_t>(m.tick);
  if (t % every_ != 0 && t != last_) return;
  std::ostringstream name;
  name << "tick_" << std::setw(4) << std::setfill('0') << t << ".graphml";
  const auto path = dir_ / name.str();
  if (!previous_.empty()) drop_cached_pages(previous_);  // its tail, written back since: pages to reuse now
  previous_ = path;
  DropBehindFile file(path);  // 1.26 GB a snapshot at 1M firms: written back and dropped as it goes
  std::ostream out(&file);
  write_graphml(out, w, threads_);
  file.close();  // throws OutputError naming the file if any write failed
  if (!out) throw OutputError(path.string() + ": write failed");
}

}  // namespace vicsim::reports
