#include "reports/route_panel.hpp"

#include "reports/csv_field.hpp"
#include "reports/number_format.hpp"

namespace vicsim::reports {

void RoutePanelRecorder::on_tick(const sim::World& w, const sim::TickMetrics& m,
                                 const sim::UndirectedSnapshot&) {
  const agents::InfrastructureOutcome& infra = model_.context().infra;
  if (infra.platforms == 0) return;  // the layer is off, or there was no platform to route to
  for (std::size_t k = 0; k < infra.route.size(); ++k) {
    const std::size_t p = k % infra.platforms;
    // The slot's name this month: a founding slot is renamed when a platform is founded in it (7.50).
    rows_.push_back(
        {static_cast<std::int32_t>(m.tick), k / infra.platforms, p, w.platforms[p].name, infra.route[k]});
  }
}

void RoutePanelRecorder::write_csv(std::ostream& out, const RunLabel& label) const {
  out << "scenario,seed,tick,region,platform,members";
  for (const char* kind : agents::kTrafficKindNames) out << ',' << kind << "_bytes";
  for (const char* kind : agents::kTrafficKindNames) out << ',' << kind << "_s";
  out << ",compute_s,load,wait_s,telemetry_delivered,forecast_freshness,dispatch_in_time\n";
  const auto& w = model_.world();
  for (const RoutePanelRow& row : rows_) {
    const agents::RouteService& s = row.service;
    out << csv_field(label.scenario) << ',' << label.seed << ',' << row.tick << ','
        << csv_field(w.regions[row.region].name) << ',' << csv_field(row.platform_name) << ','
        << format_number(s.members);
    for (double b : s.kind_bytes) out << ',' << format_number(b);
    for (double t : s.kind_s) out << ',' << format_number(t);
    out << ',' << format_number(s.compute_s) << ',' << format_number(s.load) << ',' << format_number(s.wait_s)
        << ',' << format_number(s.telemetry_delivered) << ',' << format_number(s.forecast_freshness) << ','
        << format_number(s.dispatch_in_time) << '\n';
  }
}

}  // namespace vicsim::reports
