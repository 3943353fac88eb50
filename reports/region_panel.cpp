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
  out << "scenario,seed,tick,region,treated,firms,employees,output,adoption_share,sme_adoption_share,"
         "cloud_adoption_share,cross_region_tie_share,productivity_mean,lead_time_days,"
         "transaction_cost_per_unit,infrastructure\n";
  const auto& regions = model_.world().regions;
  for (const Row& row : rows_) {
    const sim::RegionMetrics& m = row.metrics;
    out << csv_field(label.scenario) << ',' << label.seed << ',' << row.tick << ','
        << csv_field(regions[row.region].name) << ',' << int(row.treated);
    for (double v : {m.firms, m.employees, m.output, m.adoption_share, m.sme_adoption_share,
                     m.cloud_adoption_share, m.cross_region_tie_share, m.productivity_mean, m.lead_time_days,
                     m.transaction_cost_per_unit, m.infrastructure})
      out << ',' << format_number(v);
    out << '\n';
  }
}

}  // namespace vicsim::reports
