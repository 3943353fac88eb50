#include "reports/policy_ledger.hpp"

#include "reports/csv_field.hpp"
#include "reports/number_format.hpp"

namespace vicsim::reports {

std::string policy_target_text(const agents::Policy& p, const sim::World& w) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  if (!p.target.regions.empty()) {
    std::string names;
    for (auto r : p.target.regions) names += (names.empty() ? "" : ";") + w.regions[sim::idx(r)].name;
    add("regions=" + names);
  }
  if (p.target.industry >= 0 && static_cast<std::size_t>(p.target.industry) < w.industries.size())
    add("industry=" + w.industries[static_cast<std::size_t>(p.target.industry)].name);
  if (p.target.size_class == 1) add("size=sme");
  if (p.target.size_class == 2) add("size=large");
  const std::int32_t platform = p.target.platform;
  if (platform >= 0 && static_cast<std::size_t>(platform) < w.platforms.size())
    add("platform=" + w.platforms[static_cast<std::size_t>(platform)].name);
  return out.empty() ? "all" : out;
}

void PolicyLedgerRecorder::on_tick(const sim::World& w, const sim::TickMetrics&,
                                   const sim::UndirectedSnapshot&) {
  const auto& policies = model_.policies();
  for (std::size_t p = 0; p < policies.size(); ++p)
    rows_.push_back(
        {w.tick, p, policies[p].active(w.tick), policies[p].spent_tick.yuan, policies[p].spent.yuan});
}

void PolicyLedgerRecorder::write_csv(std::ostream& out, const RunLabel& label) const {
  out << "scenario,seed,tick,policy,instrument,target,active,spend,cumulative_spend\n";
  const auto& policies = model_.policies();
  const auto& w = model_.world();
  for (const Row& row : rows_) {
    const agents::Policy& p = policies[row.policy];
    out << csv_field(label.scenario) << ',' << label.seed << ',' << row.tick << ',' << csv_field(p.name)
        << ',' << agents::instrument_name(p.instrument) << ',' << csv_field(policy_target_text(p, w)) << ','
        << int(row.active) << ',' << format_number(row.spend) << ',' << format_number(row.cumulative) << '\n';
  }
}

}  // namespace vicsim::reports
