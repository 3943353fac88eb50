#include "reports/pilot_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "reports/difference_in_differences.hpp"
#include "reports/display_format.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/pilot_effect.hpp"
#include "reports/pilot_verdict.hpp"
#include "reports/statistics.hpp"
#include "reports/synthetic_control.hpp"
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

std::string amount_text(const KpiInfo& k, double v, bool sign) {
  if (k.kind == KpiKind::Share) return (sign && v > 0 ? "+" : "") + display_fixed(v * 100, 2) + " pts";
  return sign ? display_signed(v) : display_number(v);
}

/** The pilot's true effects from pilot_effect.csv (one row per replication × outcome), summarised. */
std::vector<PilotEffectSummary> read_true_effects(const RunDirectory& run) {
  if (!run.pilot_effect || !run.pilot_effect->has("outcome") || !run.pilot_effect->has("treated_effect"))
    return {};
  const CsvTable& t = *run.pilot_effect;
  const auto outcome = t.texts("outcome");
  const auto treated = t.numbers("treated_effect");
  const auto control = t.has("control_effect") ? t.numbers("control_effect") : std::vector<double>(t.rows());
  const auto total = t.has("treated_total") ? t.numbers("treated_total") : treated;
  const auto rep = t.has("replication") ? t.numbers("replication") : std::vector<double>(t.rows(), 0.0);
  const auto spend = t.has("extra_spend") ? t.numbers("extra_spend") : std::vector<double>(t.rows(), NAN);
  const auto nt = t.has("treated_regions") ? t.numbers("treated_regions") : std::vector<double>(t.rows());
  const auto nc = t.has("control_regions") ? t.numbers("control_regions") : std::vector<double>(t.rows());
  std::map<double, PilotReplication> reps;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto& x = reps[rep[r]];
    x.extra_spend = spend[r];
    x.effects.push_back({outcome[r], treated[r], total[r], control[r], static_cast<std::size_t>(nt[r]),
                         static_cast<std::size_t>(nc[r])});
  }
  std::vector<PilotReplication> v;
  for (auto& [k, x] : reps) v.push_back(std::move(x));
  return summarise_pilot_effects(v);
}

bool excludes_zero(double low, double high) {
  return std::isfinite(low) && std::isfinite(high) && (low > 0 || high < 0);
}

/** Confidence bands clipped to a few times the spread of the estimates, so one wide interval (few regions)
 * does not flatten the panel; clipped rows say so in their tooltip. */
void clip_bands(json& rows) {
  std::map<std::string, std::pair<double, double>> range;  // kpi -> (min, max) of the estimates
  for (const auto& r : rows) {
    auto [it, fresh] =
        range.try_emplace(r["kpi"].get<std::string>(), r["diff"].get<double>(), r["diff"].get<double>());
    it->second.first = std::min(it->second.first, r["diff"].get<double>());
    it->second.second = std::max(it->second.second, r["diff"].get<double>());
  }
  for (auto& r : rows) {
    const auto [lo, hi] = range[r["kpi"].get<std::string>()];
    const double pad = 2 * std::max({hi - lo, std::fabs(lo), std::fabs(hi), 1e-12});
    const double low = r["low"].get<double>(), high = r["high"].get<double>();
    r["low"] = std::max(low, lo - pad);
    r["high"] = std::min(high, hi + pad);
    r["clipped"] = low < lo - pad || high > hi + pad;
  }
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

  doc.section(
      "pilot", "Pilot program: what it did, what it cost, what an evaluator would find",
      "The pilot's effect against the simulated counterfactual (the same seeds run without the pilot, "
      "pilot_effect.csv), beside the estimators a field evaluator would use on the regional panel "
      "(regions.csv).");
  if (!std::isfinite(start)) {
    doc.html(
        "<p class=\"warn\">The pilot's start month is unknown (no policy with instrument \"pilot\" in "
        "scenario.resolved.json and no pilot spending in policies.csv), so the pilot cannot be "
        "evaluated.</p>");
    return;
  }
  doc.html("<p>" + html_escape(pilot_name) + " starts in month " + html_escape(display_number(start)) + " (" +
           html_escape(start_source) + "). Treated: " + html_escape(join(treated_set)) +
           ". Control: " + html_escape(join(control_set)) + ".</p>");

  // Outcomes: regions.csv's numeric columns that are not inputs, planners' outcomes first; plus the number of
  // adopting firms derived from the adoption share and the number of firms.
  std::map<std::string, std::vector<double>> values;
  for (const auto& c : reg.header())
    if (!is_identifier_column(c) && reg.is_numeric(reg.require(c)) && !kpi_info(c).input)
      values[c] = reg.numbers(c);
  if (values.count("adoption_share") && values.count("firms")) {
    auto& a = values["adopters"];
    for (std::size_t r = 0; r < reg.rows(); ++r)
      a.push_back(values["adoption_share"][r] * values["firms"][r]);
  }
  if (values.count("cloud_adoption_share") && values.count("firms")) {
    auto& a = values["cloud_adopters"];
    for (std::size_t r = 0; r < reg.rows(); ++r)
      a.push_back(values["cloud_adoption_share"][r] * values["firms"][r]);
  }
  std::vector<std::string> outcomes;
  for (const char* k : {"adoption_share", "cloud_adoption_share", "adopters", "cloud_adopters", "employees",
                        "firms", "output", "sme_adoption_share", "productivity_mean",
                        "cross_region_tie_share", "lead_time_days", "transaction_cost_per_unit"})
    if (values.count(k)) outcomes.push_back(k);
  for (const auto& c : reg.header())
    if (values.count(c) && std::find(outcomes.begin(), outcomes.end(), c) == outcomes.end())
      outcomes.push_back(c);

  // The truth (simulated counterfactual) and the extra public spending it cost.
  const auto truth_rows = read_true_effects(run);
  std::map<std::string, PilotEffectSummary> truth;
  for (const auto& t : truth_rows) truth[t.outcome] = t;
  const std::size_t replications = truth_rows.empty() ? 0 : truth_rows.front().replications;
  double extra_spend = truth_rows.empty() ? std::nan("") : truth_rows.front().extra_spend.mean;
  std::string spend_note = "extra public spending of the runs with the pilot over those without";
  std::map<std::string, Spending> spending;
  if (run.policies && run.policies->has("policy") && run.policies->has("spend"))
    spending = spending_by_policy(*run.policies);
  if (!std::isfinite(extra_spend)) {
    double s = 0;
    bool any = false;
    for (const auto& [name, sp] : spending)
      if (sp.instrument == "pilot" || name == pilot_name) s += sp.total, any = true;
    if (any) extra_spend = s, spend_note = "pilot spending recorded in policies.csv";
  }

  // Field estimators per outcome.
  const double first_tick = ticks.empty() ? 0 : *std::min_element(ticks.begin(), ticks.end());
  const double width = event_study_width(start - first_tick);
  const bool few_treated = treated_set.size() <= 3;
  std::vector<std::vector<Cell>> truth_table, field_table;
  std::vector<VerdictOutcome> verdict;
  json paths = json::array(), events = json::array(), synth_paths = json::array();
  std::vector<std::string> order, synth_order;
  std::vector<Card> cards;
  bool any_pooled = false;
  for (const auto& name : outcomes) {
    const KpiInfo k = kpi_info(name);
    const double scale = k.kind == KpiKind::Share ? 100.0 : 1.0;
    const auto& v = values[name];
    std::vector<PanelObservation> panel;
    for (std::size_t r = 0; r < reg.rows(); ++r)
      panel.push_back({regions[r], treated[r] > 0.5, ticks[r], v[r]});
    const TwfeEstimate did = twfe_did(panel, start);
    any_pooled = any_pooled || (std::isfinite(did.low) && !did.cluster_robust);
    const bool did_clear = excludes_zero(did.low, did.high);
    const SyntheticControl sc = few_treated ? synthetic_control(panel, start) : SyntheticControl{};
    // A placebo p-value of at most 0.10 counts as a finding (needs at least 9 donors to be reachable).
    const bool sc_clear = sc.valid && sc.placebo_p <= 0.10;

    VerdictOutcome vo{name};
    const auto it = truth.find(name);
    const bool has_truth = it != truth.end();
    if (has_truth) {
      const auto& t = it->second;
      vo.truth = t.treated.mean;
      vo.truth_clear = replications >= 2 ? excludes_zero(t.treated.low, t.treated.high) : t.treated.mean != 0;
      vo.cost = cost_per_unit(k, extra_spend, cost_denominator(k, t.treated.mean, t.treated_total.mean),
                              replications >= 2 && vo.truth_clear);
      std::string cost = "–";
      if (std::isfinite(vo.cost)) {
        const double lo = cost_denominator(k, t.treated.low, t.treated_total.low),
                     hi = cost_denominator(k, t.treated.high, t.treated_total.high);
        cost = display_number(vo.cost) + " yuan " + cost_phrase(k);
        if (std::isfinite(lo) && std::isfinite(hi) && lo * hi > 0)
          cost += " (" + display_number(extra_spend / std::max(std::fabs(lo), std::fabs(hi))) + "–" +
                  display_number(extra_spend / std::min(std::fabs(lo), std::fabs(hi))) + ")";
      } else if (replications < 2) {
        cost = "n/a: one replication";
      } else if (vo.truth_clear && improvement_sign(k, vo.truth) < 0) {
        cost = "none: the outcome got worse";
      } else if (vo.truth_clear) {
        cost = "none: no better direction";
      } else {
        cost = "none: no clear effect";
      }
      const std::string ci = replications >= 2 ? "[" + amount_text(k, t.treated.low, true) + ", " +
                                                     amount_text(k, t.treated.high, true) + "]"
                                               : "n/a (one replication)";
      const bool total_meaningful = additive(k);
      truth_table.push_back(
          {Cell(k.label + (k.unit.empty() || k.kind == KpiKind::Share ? "" : " (" + k.unit + ")")),
           Cell(amount_text(k, t.treated.mean, true),
                std::string("num ") + (vo.truth_clear ? change_class(k, t.treated.mean) : "flat")),
           Cell(ci, "num"), Cell(total_meaningful ? amount_text(k, t.treated_total.mean, true) : "–", "num"),
           Cell(amount_text(k, t.control.mean, true), "num"), Cell(cost, "num")});
    }
    vo.did = classify_field_estimate(vo.truth, vo.truth_clear, did.estimate, did_clear,
                                     did.low <= vo.truth && vo.truth <= did.high,
                                     has_truth && std::isfinite(did.low));
    vo.did_estimate = did.estimate;
    vo.synthetic =
        classify_field_estimate(vo.truth, vo.truth_clear, sc.effect, sc_clear, has_truth && sc.valid);
    vo.synthetic_estimate = sc.effect;
    verdict.push_back(vo);

    auto found = [&](FieldFinding f) {
      switch (f) {
        case FieldFinding::Found:
          return Cell("found it", "num better");
        case FieldFinding::WrongSize:
          return Cell("wrong size", "num worse");
        case FieldFinding::Missed:
          return Cell("missed it", "num worse");
        case FieldFinding::WrongSign:
          return Cell("wrong sign", "num worse");
        case FieldFinding::Spurious:
          return Cell("false alarm", "num worse");
        case FieldFinding::CorrectNull:
          return Cell("right: no effect", "num flat");
        case FieldFinding::Unavailable:
          return Cell("–", "num flat");
      }
      return Cell("–");
    };
    const std::string did_ci = std::isfinite(did.low) ? "[" + amount_text(k, did.low, true) + ", " +
                                                            amount_text(k, did.high, true) + "]" +
                                                            (did.cluster_robust ? "" : " †")
                                                      : "n/a (needs a treated and a control region)";
    field_table.push_back(
        {Cell(k.label), Cell(has_truth ? amount_text(k, vo.truth, true) : "–", "num"),
         Cell(amount_text(k, did.estimate, true), "num"), Cell(did_ci, "num"),
         Cell(has_truth && std::isfinite(did.estimate) ? amount_text(k, did.estimate - vo.truth, true) : "–",
              "num"),
         found(vo.did),
         Cell(sc.valid      ? amount_text(k, sc.effect, true)
              : few_treated ? "n/a (needs 2 donors)"
                            : "not used",
              "num"),
         Cell(sc.valid ? display_fixed(sc.placebo_p, 2) + " (" + std::to_string(sc.placebos) + " placebos)"
                       : "–",
              "num"),
         Cell(has_truth && sc.valid ? amount_text(k, sc.effect - vo.truth, true) : "–", "num"),
         found(vo.synthetic)});

    // Charts: group paths with the range over regions; event study; synthetic control.
    order.push_back(facet_label(k));
    std::map<std::pair<int, double>, std::vector<double>> groups;
    for (std::size_t r = 0; r < reg.rows(); ++r)
      groups[{treated[r] > 0.5 ? 1 : 0, ticks[r]}].push_back(v[r] * scale);
    for (const auto& [key, vals] : groups) {
      const auto [lo, hi] = std::minmax_element(vals.begin(), vals.end());
      paths.push_back({{"kpi", order.back()},
                       {"arm", key.first ? "treated regions" : "control regions"},
                       {"tick", key.second},
                       {"mean", mean(vals)},
                       {"low", *lo},
                       {"high", *hi}});
    }
    for (const auto& p : event_study(panel, start, width))
      events.push_back({{"kpi", order.back()},
                        {"tick", p.time},
                        {"diff", p.estimate * scale},
                        {"low", std::isfinite(p.low) ? p.low * scale : p.estimate * scale},
                        {"high", std::isfinite(p.high) ? p.high * scale : p.estimate * scale}});
    if (sc.valid && synth_order.size() < 8) {
      synth_order.push_back(facet_label(k));
      for (std::size_t i = 0; i < sc.times.size(); ++i)
        for (const auto& [arm, val] : {std::pair{"treated regions (mean)", sc.treated[i]},
                                       std::pair{"synthetic control", sc.synthetic[i]}})
          synth_paths.push_back({{"kpi", synth_order.back()},
                                 {"arm", arm},
                                 {"tick", sc.times[i]},
                                 {"mean", val * scale},
                                 {"low", val * scale},
                                 {"high", val * scale}});
    }
  }
  clip_bands(events);

  // Verdict and cards.
  if (!truth_rows.empty()) {
    std::string bullets;
    for (const auto& s : pilot_verdict(pilot_name, extra_spend, replications, verdict))
      bullets += "<li>" + html_escape(s) + "</li>";
    doc.html("<h3>Verdict</h3><ul class=\"summary\">" + bullets + "</ul>");
  } else {
    doc.html(
        "<p class=\"warn\">No pilot_effect.csv in this run directory, so the pilot's true effect (against "
        "the same run without it) is unknown; only the field estimators below are shown, and their bias "
        "cannot be judged. <code>vicsim run</code> writes pilot_effect.csv for scenarios with a pilot "
        "policy.</p>");
  }
  if (std::isfinite(extra_spend))
    cards.push_back({"pilot spending", display_number(extra_spend) + " yuan", spend_note});
  for (const auto& vo : verdict) {
    if (cards.size() >= 4) break;
    if (!std::isfinite(vo.cost)) continue;
    const KpiInfo k = kpi_info(vo.outcome);
    cards.push_back({"cost " + cost_phrase(k), display_number(vo.cost) + " yuan",
                     k.label + ": " + amount_text(k, vo.truth, true) + " per pilot region"});
  }
  cards.push_back({"replications", replications ? std::to_string(replications) : "–",
                   replications >= 2   ? "with/without-pilot pairs (seed, seed + 1, ...)"
                   : replications == 1 ? "one pair: no confidence interval"
                                       : "no pilot_effect.csv"});
  doc.html(html_cards(cards));

  if (!truth_table.empty()) {
    doc.html("<h3>The pilot's effect against the simulated counterfactual</h3>" +
             html_table({"outcome", "effect per pilot region", "95% CI", "total, all pilot regions",
                         "spill-over per control region", "cost per unit of effect"},
                        truth_table));
    doc.html(
        "<p class=\"note\">Each replication runs the scenario twice with the same seed, with and without the "
        "pilot (common random numbers); the effect is the mean over the months from the start of (with − "
        "without), averaged over the pilot regions, then over replications with a paired 95% t-interval "
        "(pilot_effect.csv). The cost per unit is the extra public spending of the runs with the pilot "
        "(policy_spend_cumulative, with − without, last month) divided by the effect: by the total over the "
        "pilot regions for counts and money (yuan per extra worker, per extra firm), by the pilot regions' "
        "mean "
        "in points for shares. It is shown only when the 95% CI excludes zero and the outcome improved; the "
        "bracket is the spending divided by the CI's bounds. Green: better, red: worse by the outcome's "
        "direction, grey: no clear effect.</p>");
  }
  doc.html("<h3>What a field evaluation would have found</h3>" +
           html_table({"outcome", "true effect", "DiD (TWFE)", "95% CI", "bias", "DiD verdict",
                       "synthetic control", "placebo p", "bias", "SC verdict"},
                      field_table));
  doc.html(
      "<p class=\"note\">A field evaluator has only the regional panel (regions.csv). DiD (TWFE): two-way "
      "fixed-effects regression of the outcome on region and month effects and a pilot-region × after-start "
      "dummy; its 95% CI is cluster-robust by region (CR1, t with G − 1 df; Cameron &amp; Miller 2015)" +
      std::string(
          any_pooled ? ". † One treated or one control region: the cluster-robust SE is far too small with a "
                       "single treated cluster (MacKinnon &amp; Webb 2017), so the interval is the pooled-"
                       "variance t-interval of the regions' before/after changes"
                     : "") +
      ". Synthetic control (Abadie, Diamond &amp; Hainmueller 2010), used with at most 3 pilot regions: "
      "non-negative donor weights summing to one that best reproduce the pilot regions' mean path before the "
      "start; the estimate is the mean gap after it. Its placebo p is the share of regions (pilot and each "
      "donor treated as if piloted) whose post/pre-start gap ratio is at least the pilot's; below 0.10 "
      "counts "
      "as a finding, which needs at least 9 donor regions. Bias: estimate − true effect. A DiD differs from "
      "the truth when trends are not parallel or the pilot spills over onto the control regions.</p>");
  doc.chart(
      vega::difference_small_multiples(std::move(events), order, 4, "months from the pilot start", 0),
      "Event study (leads and lags): the pilot − control gap in each region's change from its mean over "
      "the " +
          display_number(width) + " months before the start (the reference bin, 0), per " +
          display_number(width) +
          "-month bin, with pooled-variance 95% intervals over regions (clipped at "
          "the panel's edge). Flat near zero before the start supports parallel trends.");
  doc.chart(vega::band_small_multiples(std::move(paths), order, {"treated regions", "control regions"}, 4,
                                       "month", start),
            "Mean of the pilot (treated) and of the control regions; shaded: the range from the lowest to "
            "the highest "
            "region. The dotted line is the pilot start.");
  if (!synth_paths.empty())
    doc.chart(
        vega::band_small_multiples(std::move(synth_paths), synth_order,
                                   {"treated regions (mean)", "synthetic control"}, 4, "month", start),
        "Synthetic control: the pilot regions' mean path and the weighted donor regions that best match it "
        "before the start (dotted line).");

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
