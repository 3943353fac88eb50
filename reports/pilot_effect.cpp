#include "reports/pilot_effect.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

#include "reports/csv_field.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/number_format.hpp"

namespace vicsim::reports {

std::vector<PilotEffect> pilot_effects(const std::vector<RegionPanelRow>& with,
                                       const std::vector<RegionPanelRow>& without, std::int32_t start) {
  if (with.size() != without.size()) throw std::invalid_argument("pilot_effects: panels differ in length");
  using Value = std::function<double(const sim::RegionMetrics&)>;
  std::vector<std::pair<std::string, Value>> outcomes;
  for (const auto& c : sim::region_columns())
    if (!kpi_info(c.name).input)
      outcomes.emplace_back(std::string(c.name),
                            [m = c.member](const sim::RegionMetrics& x) { return x.*m; });
  outcomes.emplace_back("adopters", [](const sim::RegionMetrics& x) { return x.adoption_share * x.firms; });
  outcomes.emplace_back("cloud_adopters",
                        [](const sim::RegionMetrics& x) { return x.cloud_adoption_share * x.firms; });
  std::vector<PilotEffect> out;
  for (const auto& [name, value] : outcomes) {
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
      sum += value(a.metrics) - value(b.metrics);
      n += 1;
    }
    PilotEffect e{name};
    for (const auto& [region, acc] : by_region) {
      const double mean = acc.first / acc.second;
      if (treated[region]) {
        e.treated_total += mean;
        ++e.treated_regions;
      } else {
        e.control += mean;
        ++e.control_regions;
      }
    }
    if (e.treated_regions) e.treated = e.treated_total / static_cast<double>(e.treated_regions);
    if (e.control_regions) e.control /= static_cast<double>(e.control_regions);
    out.push_back(e);
  }
  return out;
}

void write_pilot_effect_csv(std::ostream& out, const std::string& scenario, std::int32_t start,
                            const std::vector<PilotReplication>& replications) {
  out << "scenario,seed,replication,outcome,start,treated_effect,treated_total,control_effect,treated_"
         "regions,"
         "control_regions,extra_spend\n";
  for (std::size_t r = 0; r < replications.size(); ++r)
    for (const auto& e : replications[r].effects)
      out << csv_field(scenario) << ',' << replications[r].seed << ',' << r << ',' << e.outcome << ','
          << start << ',' << format_number(e.treated) << ',' << format_number(e.treated_total) << ','
          << format_number(e.control) << ',' << e.treated_regions << ',' << e.control_regions << ','
          << format_number(replications[r].extra_spend) << '\n';
}

std::vector<PilotEffectSummary> summarise_pilot_effects(const std::vector<PilotReplication>& replications) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const PilotEffect*>> by_outcome;
  std::vector<double> spend;
  for (const auto& r : replications) {
    spend.push_back(r.extra_spend);
    for (const auto& e : r.effects) {
      if (!by_outcome.count(e.outcome)) order.push_back(e.outcome);
      by_outcome[e.outcome].push_back(&e);
    }
  }
  std::vector<PilotEffectSummary> out;
  for (const auto& name : order) {
    std::vector<double> t, tt, c;
    PilotEffectSummary s;
    s.outcome = name;
    for (const auto* e : by_outcome[name]) {
      t.push_back(e->treated);
      tt.push_back(e->treated_total);
      c.push_back(e->control);
      s.treated_regions = e->treated_regions;
      s.control_regions = e->control_regions;
    }
    s.treated = mean_interval(t);
    s.treated_total = mean_interval(tt);
    s.control = mean_interval(c);
    s.extra_spend = mean_interval(spend);
    s.replications = t.size();
    out.push_back(s);
  }
  return out;
}

}  // namespace vicsim::reports
