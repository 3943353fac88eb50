#include "reports/region_panel.hpp"

#include "reports/csv_field.hpp"
#include "reports/number_format.hpp"

namespace vicsim::reports {

void RegionPanelRecorder::on_tick(const sim::World& w, const sim::TickMetrics& m,
                                  const sim::UndirectedSnapshot&) {
  const auto& treated = model_.context().treated;
  const auto metrics = sim::region_metrics(w, model_.params().population.sme_threshold);
  for (std::size_t r = 0; r < metrics.size(); ++r)
    rows_.push_back(
        {static_cast<std::int32_t>(m.tick), r, r < treated.size() && treated[r] != 0, metrics[r]});
}

void RegionPanelRecorder::write_csv(std::ostream& out, const RunLabel& label) const {
  out << "scenario,seed,tick,region,treated";
  for (const auto& c : sim::region_columns()) out << ',' << c.name;
  out << '\n';
  const auto& regions = model_.world().regions;
  for (const RegionPanelRow& row : rows_) {
    out << csv_field(label.scenario) << ',' << label.seed << ',' << row.tick << ','
        << csv_field(regions[row.region].name) << ',' << int(row.treated);
    for (const auto& c : sim::region_columns()) out << ',' << format_number(row.metrics.*(c.member));
    out << '\n';
  }
}

}  // namespace vicsim::reports
