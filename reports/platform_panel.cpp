#include "reports/platform_panel.hpp"

#include "reports/csv_field.hpp"
#include "reports/number_format.hpp"

namespace vicsim::reports {

void PlatformPanelRecorder::on_tick(const sim::World& w, const sim::TickMetrics& m,
                                    const sim::UndirectedSnapshot&) {
  const auto metrics = sim::platform_metrics(w, model_.context().fee_cap);
  for (std::size_t p = 0; p < metrics.size(); ++p)
    if (!w.platforms[p].founding_slot ||
        w.platforms[p].founded_tick >= 0)  // an unused founding slot is no platform
      rows_.push_back({static_cast<std::int32_t>(m.tick), p, metrics[p]});
}

void PlatformPanelRecorder::write_csv(std::ostream& out, const RunLabel& label) const {
  out << "scenario,seed,tick,platform,level,owner,host_region,parent";
  for (const auto& c : sim::platform_columns()) out << ',' << c.name;
  out << '\n';
  const auto& w = model_.world();
  for (const PlatformPanelRow& row : rows_) {
    const sim::Platform& pl = w.platforms[row.platform];
    out << csv_field(label.scenario) << ',' << label.seed << ',' << row.tick << ',' << csv_field(pl.name)
        << ',' << sim::platform_level_name(pl.level) << ','
        << (pl.owner_industry >= 0 || pl.owner_firm >= 0 ? "chain_master" : "independent") << ','
        << csv_field(w.regions[sim::idx(pl.host_region)].name) << ','
        << (row.metrics.parent >= 0
                ? csv_field(w.platforms[static_cast<std::size_t>(row.metrics.parent)].name)
                : std::string());
    for (const auto& c : sim::platform_columns()) out << ',' << format_number(row.metrics.*(c.member));
    out << '\n';
  }
}

}  // namespace vicsim::reports
