#include "reports/pilot_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "reports/difference_in_differences.hpp"
#include "reports/display_format.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/plain_language.hpp"
#include "reports/statistics.hpp"
#include "reports/vega_specs.hpp"

namespace vicsim::reports {

using nlohmann::json;

namespace {

/** The pilot policy of the resolved scenario (instrument "pilot"), if any. */
json pilot_policy(const RunDirectory& run) {
  for (const auto& p : run.resolved.value("policies", json::array()))
    if (p.is_object() && p.value("instrument", std::string()) == "pilot") return p;
  return json();
}

/** Total spending per policy from policies.csv: policy -> (instrument, target, total). */
struct Spending {
  std::string instrument, target;
  double total = 0;
};
std::map<std::string, Spending> spending_by_policy(const CsvTable& t) {
  std::map<std::string, Spending> out;
  const auto policy = t.texts("policy");
  const auto spend = t.numbers("spend");
  const auto instrument = t.has("instrument") ? t.texts("instrument") : std::vector<std::string>(t.rows());
  const auto target = t.has("target") ? t.texts("target") : std::vector<std::string>(t.rows());
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto& s = out[policy[r]];
    s.instrument = instrument[r];
    s.target = target[r];
    if (std::isfinite(spend[r])) s.total += spend[r];
  }
  return out;
}

std::string facet_label(const KpiInfo& k) {
  return k.kind == KpiKind::Share              ? k.label + " (%)"
         : k.unit.empty() || k.unit == "index" ? k.label
                                               : k.label + " (" + k.unit + ")";
}

std::string amount_text(const KpiInfo& k, double v, bool sign) {
  if (k.kind == KpiKind::Share) return (sign && v > 0 ? "+" : "") + display_fixed(v * 100, 2) + " pts";
  return sign ? display_signed(v) : display_number(v);
}

}  // namespace

void add_pilot_sections(HtmlDocument& doc, const RunDirectory& run) {
  const CsvTable& reg = *run.regions;
  const auto ticks = reg.numbers("tick");
  const auto regions = reg.texts("region");
  const auto treated = reg.numbers("treated");
  const json policy = pilot_policy(run);
  const std::string pilot_name = policy.is_object() ? policy.value("name", std::string("pilot")) : "pilot";

  // Start of the pilot: the policy's start, else the first month with pilot spending.
  double start = std::nan("");
  std::string start_source;
  if (policy.is_object() && policy.contains("start") && policy["start"].is_number()) {
    start = policy["start"].get<double>();
    start_source = "scenario.resolved.json policies[] (instrument \"pilot\")";
  } else if (run.policies && run.policies->has("instrument")) {
    const auto inst = run.policies->texts("instrument");
    const auto spend = run.policies->numbers("spend");
    const auto pt = run.policies->numbers("tick");
    for (std::size_t r = 0; r < inst.size(); ++r)
      if (inst[r] == "pilot" && spend[r] > 0 && !(start <= pt[r])) start = pt[r];
    start_source = "first month with pilot spending in policies.csv";
  }

  std::set<std::string> treated_set, control_set;
  for (std::size_t r = 0; r < reg.rows(); ++r)
    (treated[r] > 0.5 ? treated_set : control_set).insert(regions[r]);
  auto join = [](const std::set<std::string>& s) {
    std::string o;
    for (const auto& x : s) o += (o.empty() ? "" : ", ") + x;
    return o;
  };

  doc.section("pilot", "Pilot program: treatment against control",
              "Regions in the pilot (treated) against the other regions (control), from regions.csv.");
  if (!std::isfinite(start)) {
    doc.html(
        "<p class=\"warn\">The pilot's start month is unknown (no policy with instrument \"pilot\" in "
        "scenario.resolved.json and no pilot spending in policies.csv), so no difference-in-differences "
        "estimate can be made.</p>");
    return;
  }
  doc.html("<p>" + html_escape(pilot_name) + " starts in month " + html_escape(display_number(start)) + " (" +
           html_escape(start_source) + "). Treated: " + html_escape(join(treated_set)) +
           ". Control: " + html_escape(join(control_set)) + ".</p>");

  // Outcomes: numeric columns, headline KPIs first.
  std::vector<std::string> outcomes;
  for (const char* k :
       {"adoption_share", "sme_adoption_share", "cross_region_tie_share", "productivity_mean"})
    if (reg.has(k) && reg.is_numeric(reg.require(k))) outcomes.push_back(k);
  for (const auto& k : headline_kpis())
    if (reg.has(k) && reg.is_numeric(reg.require(k)) &&
        std::find(outcomes.begin(), outcomes.end(), k) == outcomes.end())
      outcomes.push_back(k);
  for (const auto& c : reg.header())
    if (!is_identifier_column(c) && reg.is_numeric(reg.require(c)) &&
        std::find(outcomes.begin(), outcomes.end(), c) == outcomes.end())
      outcomes.push_back(c);

  // Spending.
  double pilot_spend = std::nan("");
  std::string spend_note;
  std::map<std::string, Spending> spending;
  if (run.policies && run.policies->has("policy") && run.policies->has("spend")) {
    spending = spending_by_policy(*run.policies);
    double s = 0;
    bool any = false;
    for (const auto& [name, sp] : spending)
      if (sp.instrument == "pilot" || name == pilot_name) s += sp.total, any = true;
    if (any) pilot_spend = s, spend_note = "pilot spending recorded in policies.csv";
  }
  if (!std::isfinite(pilot_spend) && policy.is_object() && policy.contains("budget") &&
      policy["budget"].is_number()) {
    pilot_spend = policy["budget"].get<double>();
    spend_note = "the pilot's budget (no spending recorded: an upper bound)";
  }

  // The simulation's own counterfactual (same seed without the pilot), when the run wrote it.
  std::map<std::string, double> true_effect;
  if (run.pilot_effect && run.pilot_effect->has("outcome") && run.pilot_effect->has("treated_effect")) {
    const auto names = run.pilot_effect->texts("outcome");
    const auto values = run.pilot_effect->numbers("treated_effect");
    for (std::size_t r = 0; r < names.size(); ++r) true_effect[names[r]] = values[r];
  }

  // DiD per outcome; the table and the charts.
  std::vector<std::vector<Cell>> rows;
  json paths = json::array(), events = json::array();
  std::vector<std::string> order;
  std::vector<Card> cards;
  double mean_treated_firms = std::nan("");
  if (reg.has("firms")) {
    std::vector<double> f;
    const auto firms = reg.numbers("firms");
    for (std::size_t r = 0; r < reg.rows(); ++r)
      if (treated[r] > 0.5 && ticks[r] >= start) f.push_back(firms[r]);
    mean_treated_firms = mean(f) * static_cast<double>(treated_set.size());
  }
  for (const auto& name : outcomes) {
    const KpiInfo k = kpi_info(name);
    const auto v = reg.numbers(name);
    std::vector<PanelObservation> panel;
    for (std::size_t r = 0; r < reg.rows(); ++r)
      panel.push_back({regions[r], treated[r] > 0.5, ticks[r], v[r]});
    const DidEstimate d = collapsed_did(panel, start);
    const bool ci = std::isfinite(d.low);
    const bool clear = ci && (d.low > 0 || d.high < 0);
    const double per_unit = k.kind == KpiKind::Share ? d.estimate * 100 : d.estimate;
    std::string cost = "–";
    if (std::isfinite(pilot_spend) && clear && d.estimate > 0)
      cost = display_number(pilot_spend / per_unit) + " yuan per " +
             (k.kind == KpiKind::Share ? "point" : "unit");
    else if (std::isfinite(pilot_spend) && clear)
      cost = "no gain (KPI fell)";
    else if (std::isfinite(pilot_spend))
      cost = "no clear gain";
    rows.push_back(
        {Cell(k.label),
         Cell(amount_text(k, d.treated_pre, false) + " → " + amount_text(k, d.treated_post, false), "num"),
         Cell(amount_text(k, d.control_pre, false) + " → " + amount_text(k, d.control_post, false), "num"),
         Cell(amount_text(k, d.estimate, true), !clear           ? "num flat"
                                                : d.estimate > 0 ? "num up"
                                                                 : "num down"),
         Cell(ci ? "[" + amount_text(k, d.low, true) + ", " + amount_text(k, d.high, true) + "]"
                 : "n/a (fewer than 2 regions in a group)",
              "num"),
         Cell(cost, "num"),
         Cell(true_effect.count(name) ? amount_text(k, true_effect[name], true) : "–", "num")});
    if (name == outcomes.front()) {
      cards.push_back({"DiD: " + k.label,
                       k.kind == KpiKind::Share
                           ? plus_minus(per_unit, ci ? (d.high - d.low) / 2 * 100 : 0) + " pts"
                           : plus_minus(d.estimate, ci ? (d.high - d.low) / 2 : 0),
                       ci ? "95% CI " + amount_text(k, d.low, true) + " to " + amount_text(k, d.high, true)
                          : "no CI: too few regions"});
      if (std::isfinite(pilot_spend)) {
        cards.push_back({"pilot spending", display_number(pilot_spend) + " yuan", spend_note});
        if (clear && d.estimate > 0)
          cards.push_back({"cost per " + std::string(k.kind == KpiKind::Share ? "point" : "unit") + " gained",
                           display_number(pilot_spend / per_unit) + " yuan", k.label});
        if (name == "adoption_share" && clear && d.estimate > 0 && std::isfinite(mean_treated_firms))
          cards.push_back(
              {"cost per extra adopter",
               display_number(pilot_spend / (d.estimate * mean_treated_firms)) + " yuan",
               display_number(d.estimate * mean_treated_firms) + " more adopting firms in treated regions"});
      }
    }
    // Treated vs control means with 95% intervals over regions; event-study path.
    const double scale = k.kind == KpiKind::Share ? 100.0 : 1.0;
    order.push_back(facet_label(k));
    std::map<std::pair<int, double>, std::vector<double>> groups;
    for (std::size_t r = 0; r < reg.rows(); ++r)
      groups[{treated[r] > 0.5 ? 1 : 0, ticks[r]}].push_back(v[r] * scale);
    for (const auto& [key, vals] : groups) {
      const auto m = mean_interval(vals);
      paths.push_back({{"kpi", order.back()},
                       {"arm", key.first ? "treated regions" : "control regions"},
                       {"tick", key.second},
                       {"mean", m.mean},
                       {"low", std::isfinite(m.low) ? m.low : m.mean},
                       {"high", std::isfinite(m.high) ? m.high : m.mean}});
    }
    for (const auto& p : event_study(panel, start))
      events.push_back({{"kpi", order.back()},
                        {"tick", p.time},
                        {"diff", p.estimate * scale},
                        {"low", std::isfinite(p.low) ? p.low * scale : p.estimate * scale},
                        {"high", std::isfinite(p.high) ? p.high * scale : p.estimate * scale}});
  }
  doc.html(html_cards(cards));
  doc.html("<h3>Difference-in-differences</h3>" +
           html_table({"outcome", "treated: before → after", "control: before → after", "DiD estimate",
                       "95% CI", "cost per unit gained", "true effect (run without the pilot)"},
                      rows));
  doc.html(
      "<p class=\"note\">Method: collapsed difference-in-differences (Bertrand, Duflo &amp; Mullainathan "
      "2004). Each region's outcome is averaged over the months before the pilot start and over the months "
      "from the start on; the estimate is the mean change in treated regions minus the mean change in "
      "control regions (regions unweighted). The 95% CI is Welch's t-interval over regions, so regions are "
      "the clusters. Cost per unit gained is the pilot's spending divided by the estimate (shares per "
      "percentage point), shown only when the CI excludes zero. The last column is what an evaluator "
      "never sees: the same scenario and seed run again without the pilot (pilot_effect.csv), and the "
      "treated regions' mean difference from the pilot's start on. Where the two disagree, the "
      "difference-in-differences assumption of parallel trends does not hold (e.g. the pilot chose "
      "regions that were adopting more slowly anyway).</p>");
  doc.chart(
      vega::band_small_multiples(std::move(paths), order, {"treated regions", "control regions"}, 4, "month",
                                 start),
      "Mean of treated and of control regions with 95% intervals over regions; the dotted line is the pilot "
      "start.");
  doc.chart(vega::difference_small_multiples(std::move(events), order, 4, "month", start),
            "Event study: treated minus control change from each region's own pre-pilot mean, with 95% "
            "intervals. Flat near zero before the start supports parallel trends.");

  doc.section("spending", "Policy spending", "Spending by policy (policies.csv).");
  if (!run.policies || !run.policies->has("cumulative_spend")) {
    doc.paragraph("No policies.csv with cumulative_spend in this run directory.");
    return;
  }
  json spend_rows = json::array();
  const auto pol = run.policies->texts("policy");
  const auto pt = run.policies->numbers("tick");
  const auto cum = run.policies->numbers("cumulative_spend");
  for (std::size_t r = 0; r < pol.size(); ++r)
    if (std::isfinite(cum[r]))
      spend_rows.push_back({{"policy", pol[r]}, {"tick", pt[r]}, {"cumulative_spend", cum[r]}});
  std::vector<std::vector<Cell>> srows;
  for (const auto& [name, sp] : spending)
    srows.push_back(
        {Cell(name), Cell(sp.instrument), Cell(sp.target), Cell(display_number(sp.total), "num")});
  doc.html(html_table({"policy", "instrument", "target", "total spend (yuan)"}, srows));
  if (!spend_rows.empty())
    doc.chart(vega::spending_chart(std::move(spend_rows)), "Cumulative spending, stacked by policy.");
}

}  // namespace vicsim::reports
