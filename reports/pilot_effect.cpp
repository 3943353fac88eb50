#include "reports/pilot_effect.hpp"

#include <map>
#include <stdexcept>

#include "reports/csv_field.hpp"
#include "reports/number_format.hpp"

namespace vicsim::reports {

std::vector<PilotEffect> pilot_effects(const std::vector<RegionPanelRow>& with,
                                       const std::vector<RegionPanelRow>& without, std::int32_t start) {
  if (with.size() != without.size()) throw std::invalid_argument("pilot_effects: panels differ in length");
  std::vector<PilotEffect> out;
  for (const auto& c : sim::region_columns()) {
    // Per region: sum and count of (with − without) over the post-start months.
    std::map<std::size_t, std::pair<double, double>> by_region;
    std::map<std::size_t, bool> treated;
    for (std::size_t k = 0; k < with.size(); ++k) {
      const auto& a = with[k];
      const auto& b = without[k];
      if (a.tick != b.tick || a.region != b.region)
        throw std::invalid_argument("pilot_effects: panels are not aligned");
      treated[a.region] = a.treated;
      if (a.tick < start) continue;
      auto& [sum, n] = by_region[a.region];
      sum += a.metrics.*(c.member) - b.metrics.*(c.member);
      n += 1;
    }
    PilotEffect e{std::string(c.name)};
    for (const auto& [region, acc] : by_region) {
      const double mean = acc.first / acc.second;
      if (treated[region]) {
        e.treated += mean;
        ++e.treated_regions;
      } else {
        e.control += mean;
        ++e.control_regions;
      }
    }
    if (e.treated_regions) e.treated /= static_cast<double>(e.treated_regions);
    if (e.control_regions) e.control /= static_cast<double>(e.control_regions);
    out.push_back(e);
  }
  return out;
}

void write_pilot_effect_csv(std::ostream& out, const RunLabel& label, std::int32_t start,
                            const std::vector<PilotEffect>& effects) {
  out << "scenario,seed,outcome,start,treated_effect,control_effect,treated_regions,control_regions\n";
  for (const auto& e : effects)
    out << csv_field(label.scenario) << ',' << label.seed << ',' << e.outcome << ',' << start << ','
        << format_number(e.treated) << ',' << format_number(e.control) << ',' << e.treated_regions << ','
        << e.control_regions << '\n';
}

}  // namespace vicsim::reports
