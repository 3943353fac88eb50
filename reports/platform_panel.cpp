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

namespace {
const sim::Platform& platform_of(const PlatformLabelSource& s) { return s.world.platforms[s.row.platform]; }
}  // namespace

const std::vector<PlatformLabelColumn>& platform_label_columns() {
  using S = PlatformLabelSource;
  static const std::vector<PlatformLabelColumn> cols{{
      {"scenario", [](const S& s) { return csv_field(s.label.scenario); }},
      {"seed", [](const S& s) { return std::to_string(s.label.seed); }},
      {"tick", [](const S& s) { return std::to_string(s.row.tick); }},
      {"platform", [](const S& s) { return csv_field(platform_of(s).name); }},
      {"level", [](const S& s) { return std::string(sim::platform_level_name(platform_of(s).level)); }},
      {"owner",
       [](const S& s) {
         const sim::Platform& pl = platform_of(s);
         return std::string(pl.owner_industry >= 0 || pl.owner_firm >= 0 ? "chain_master" : "independent");
       }},
      {"host_region",
       [](const S& s) { return csv_field(s.world.regions[sim::idx(platform_of(s).host_region)].name); }},
      {"parent",
       [](const S& s) {
         const auto parent = s.row.metrics.parent;
         return parent >= 0 ? csv_field(s.world.platforms[static_cast<std::size_t>(parent)].name)
                            : std::string();
       }},
  }};
  return cols;
}

void PlatformPanelRecorder::write_csv(std::ostream& out, const RunLabel& label) const {
  const auto& labels = platform_label_columns();
  for (std::size_t k = 0; k < labels.size(); ++k) out << (k ? "," : "") << labels[k].name;
  for (const auto& c : sim::platform_columns()) out << ',' << c.name;
  out << '\n';
  const auto& w = model_.world();
  for (const PlatformPanelRow& row : rows_) {
    const PlatformLabelSource source{label, w, row};
    for (std::size_t k = 0; k < labels.size(); ++k) out << (k ? "," : "") << labels[k].field(source);
    for (const auto& c : sim::platform_columns()) out << ',' << format_number(row.metrics.*(c.member));
    out << '\n';
  }
}

}  // namespace vicsim::reports
