#include "reports/comparison_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/attribution_report.hpp"
#include "reports/csv_table.hpp"
#include "reports/display_format.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/plain_language.hpp"
#include "reports/provenance.hpp"
#include "reports/report_input_error.hpp"
#include "reports/run_directory.hpp"
#include "reports/statistics.hpp"
#include "reports/vega_specs.hpp"
#include "vicsim_version.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/** comparison.csv's cost_per_unit by (kpi, tick), when the column exists. */
std::map<std::pair<std::string, double>, double> read_costs(const CsvTable& t) {
  std::map<std::pair<std::string, double>, double> out;
  if (!t.has("cost_per_unit")) return out;
  const auto kpi = t.texts("kpi");
  const auto tick = t.numbers("tick");
  const auto cost = t.numbers("cost_per_unit");
  for (std::size_t r = 0; r < t.rows(); ++r) out[{kpi[r], tick[r]}] = cost[r];
  return out;
}

std::vector<KpiDifference> read_differences(const CsvTable& t) {
  const std::size_t kpi = t.require("kpi"), tick = t.require("tick");
  auto col = [&](const char* name) { return t.index(name); };
  const auto n = col("n"), ma = col("mean_a"), mb = col("mean_b"), sd = col("sd_diff"),
             es = col("effect_size"), p = col("p_value");
  const std::size_t diff = t.require("diff"), lo = t.require("ci_low"), hi = t.require("ci_high");
  auto num = [&](std::size_t r, std::optional<std::size_t> c) { return c ? t.number(r, *c) : std::nan(""); };
  std::vector<KpiDifference> out;
  for (std::size_t r = 0; r < t.rows(); ++r)
    out.push_back({t.text(r, kpi), t.number(r, tick), num(r, n), num(r, ma), num(r, mb), t.number(r, diff),
                   t.number(r, lo), t.number(r, hi), num(r, sd), num(r, es), num(r, p)});
  return out;
}

std::string p_text(double p) {
  if (!std::isfinite(p)) return "NA";
  if (p < 0.001) return "< 0.001";
  return display_fixed(p, 3);
}

}  // namespace

HtmlDocument comparison_report(const fs::path& dir, const ReportContext& ctx) {
  const CsvTable cmp = CsvTable::read(dir / "comparison.csv");
  const json meta =
      fs::exists(dir / "comparison.json") ? read_json_file(dir / "comparison.json") : json::object();
  const auto diffs = read_differences(cmp);
  if (diffs.empty()) throw ReportInputError((dir / "comparison.csv").string() + ": no rows");

  const json arms = meta.value("arms", json::object());
  auto arm_name = [&](const char* key, const char* fallback) {
    if (arms.contains(key) && arms[key].is_object()) return arms[key].value("name", std::string(fallback));
    // comparison.csv's arm_a / arm_b columns name the arms too.
    const std::string col = std::string("arm_") + key;
    if (cmp.has(col) && cmp.rows() > 0) return cmp.text(0, cmp.require(col));
    return std::string(fallback);
  };
  const std::string name_a = arm_name("a", "A"), name_b = arm_name("b", "B");
  const std::string label_a = "A: " + name_a, label_b = "B: " + name_b;
  const double reps = meta.contains("replications") ? meta["replications"].get<double>() : diffs.front().n;
  double final_tick = 0;
  for (const auto& d : diffs) final_tick = std::max(final_tick, d.tick);

  HtmlDocument doc("Comparison report: " + name_a + " vs " + name_b,
                   display_number(reps) + " paired replications (common random numbers) · final month " +
                       display_number(final_tick) + " · generated " + ctx.generated_at);

  // --- plain-language summary at every compared month, headline KPIs first, then by effect size
  const auto costs = read_costs(cmp);
  auto cost_of = [&](const KpiDifference& d) {
    const auto it = costs.find({d.kpi, d.tick});
    const KpiInfo k = kpi_info(d.kpi);
    // Shown only for a clear improvement: comparison.csv leaves unclear differences NA.
    if (it == costs.end() || !std::isfinite(it->second) || !clear_difference(d) ||
        improvement_sign(k, d.diff) <= 0)
      return std::nan("");
    return k.kind == KpiKind::Share ? std::fabs(it->second) / 100 : std::fabs(it->second);  // per point
  };
  auto cost_text = [&](const KpiDifference& d) {
    const double c = cost_of(d);
    return std::isfinite(c) ? display_number(c) + " yuan " + cost_phrase(kpi_info(d.kpi)) : std::string();
  };
  auto rank = [&](const KpiDifference& d) {
    const auto& h = headline_kpis();
    const auto it = std::find(h.begin(), h.end(), d.kpi);
    return it == h.end() ? h.size() : static_cast<std::size_t>(it - h.begin());
  };
  std::vector<double> compared_ticks;
  for (const auto& d : diffs)
    if (std::find(compared_ticks.begin(), compared_ticks.end(), d.tick) == compared_ticks.end())
      compared_ticks.push_back(d.tick);
  std::sort(compared_ticks.begin(), compared_ticks.end());
  auto summary_at = [&](double tick, std::size_t* clear_count, std::size_t* total) {
    std::vector<KpiDifference> clear, unclear;
    for (const auto& d : diffs)
      if (d.tick == tick) (clear_difference(d) ? clear : unclear).push_back(d);
    std::stable_sort(clear.begin(), clear.end(), [&](const auto& x, const auto& y) {
      const bool hx = rank(x) < headline_kpis().size(), hy = rank(y) < headline_kpis().size();
      if (hx != hy) return hx;
      return std::fabs(x.effect_size) > std::fabs(y.effect_size);
    });
    if (clear_count) *clear_count = clear.size();
    if (total) *total = clear.size() + unclear.size();
    std::string bullets;
    for (std::size_t i = 0; i < clear.size() && i < 7; ++i) {
      const std::string c = cost_text(clear[i]);
      bullets += "<li>" + html_escape(describe_difference(clear[i], name_a, name_b)) +
                 (c.empty() ? "" : " <span class=\"note\">Cost: " + html_escape(c) + ".</span>") + "</li>";
    }
    if (clear.empty())
      bullets +=
          "<li>No KPI differs clearly between the two arms " + html_escape(time_phrase(tick)) + ".</li>";
    if (!unclear.empty()) {
      // Name the headline KPIs without a clear difference; count the rest.
      std::vector<std::string> named;
      for (const auto& d : unclear)
        if (rank(d) < headline_kpis().size()) named.push_back("the " + kpi_info(d.kpi).label);
      const std::size_t more = unclear.size() - named.size();
      if (more > 0) named.push_back(std::to_string(more) + (named.empty() ? " KPIs" : " other KPIs"));
      std::string names;
      for (std::size_t i = 0; i < named.size(); ++i)
        names += (i == 0 ? "" : i + 1 == named.size() ? " and " : ", ") + named[i];
      bullets += "<li>No clear difference " + html_escape(time_phrase(tick)) + " in " + html_escape(names) +
                 " (95% CIs include zero).</li>";
    }
    return "<ul class=\"summary\">" + bullets + "</ul>";
  };
  doc.section(
      "summary", "Summary",
      "What the numbers say, generated from comparison.csv at the final month and, below it, at every "
      "other compared month. ± is the half-width of the 95% confidence interval of the paired "
      "difference; d_z is the standardised effect size. A cost is B's extra policy spending per unit "
      "gained, given only where the gain is clear.");
  std::size_t n_clear = 0, n_last = 0;
  doc.html(summary_at(final_tick, &n_clear, &n_last));
  for (auto it = compared_ticks.rbegin(); it != compared_ticks.rend(); ++it) {
    if (*it == final_tick) continue;
    std::size_t c = 0, n = 0;
    const std::string body = summary_at(*it, &c, &n);
    doc.html("<details><summary>" + html_escape(time_phrase(*it)) + " (month " +
             html_escape(display_number(*it)) + "): " + std::to_string(c) + " of " + std::to_string(n) +
             " KPIs differ clearly</summary>" + body + "</details>");
  }
  std::vector<KpiDifference> last;
  for (const auto& d : diffs)
    if (d.tick == final_tick) last.push_back(d);
  std::vector<Card> cards = {{"arm A", name_a, arms.contains("a") ? arms["a"].value("scenario", "") : ""},
                             {"arm B", name_b, arms.contains("b") ? arms["b"].value("scenario", "") : ""},
                             {"replications", display_number(reps), "paired by seed"},
                             {"KPIs that differ", std::to_string(n_clear) + " of " + std::to_string(n_last),
                              "95% CI excludes zero"}};
  doc.html(html_cards(cards));

  // --- both paths overlaid, with 95% bands across replications
  doc.section("paths", "Both paths over time",
              "Mean over replications with a shaded 95% t-interval, per month (from timeseries.csv).");
  if (fs::exists(dir / "timeseries.csv")) {
    const CsvTable ts = CsvTable::read(dir / "timeseries.csv");
    const auto arm = ts.texts("arm");
    const auto tick = ts.numbers("tick");
    std::vector<std::string> arm_values;
    for (const auto& a : arm)
      if (std::find(arm_values.begin(), arm_values.end(), a) == arm_values.end()) arm_values.push_back(a);
    auto arm_label = [&](const std::string& a) {
      if (a == "a" || a == "A" || a == name_a) return label_a;
      if (a == "b" || a == "B" || a == name_b) return label_b;
      return a;
    };
    json rows = json::array();
    std::vector<std::string> order;
    for (const auto& k : headline_kpis()) {
      if (!ts.has(k) || !ts.is_numeric(ts.require(k))) continue;
      const KpiInfo info = kpi_info(k);
      const double scale = info.kind == KpiKind::Share ? 100.0 : 1.0;
      const auto v = ts.numbers(k);
      std::map<std::pair<std::string, double>, std::vector<double>> groups;
      for (std::size_t r = 0; r < v.size(); ++r) groups[{arm[r], tick[r]}].push_back(v[r] * scale);
      order.push_back(facet_label(info));
      for (const auto& [key, vals] : groups) {
        const auto m = mean_interval(vals);
        rows.push_back({{"kpi", order.back()},
                        {"arm", arm_label(key.first)},
                        {"tick", key.second},
                        {"mean", m.mean},
                        {"low", std::isfinite(m.low) ? m.low : m.mean},
                        {"high", std::isfinite(m.high) ? m.high : m.mean}});
      }
    }
    std::vector<std::string> legend;
    for (const auto& a : arm_values) legend.push_back(arm_label(a));
    if (!rows.empty())
      doc.chart(vega::band_small_multiples(std::move(rows), order, legend, 4, "month"),
                "Each panel overlays the two arms; lines are means over replications, bands their 95% "
                "confidence intervals.");
  } else {
    doc.paragraph("No timeseries.csv in this directory, so the paths cannot be overlaid.");
  }

  // --- table and chart of differences at the final month
  doc.section("differences", "Differences at the final month",
              "B − A, paired over common random numbers, " + html_escape(time_phrase(final_tick)) +
                  " (comparison.csv). Green: B better, red: B worse by the KPI's direction (e.g. a lower "
                  "lead time is "
                  "better), blue: different where the KPI has no better direction, grey: the 95% CI includes "
                  "zero. Cost per unit: B's extra policy spending per unit gained, only for a clear gain.");
  std::vector<KpiDifference> sorted = last;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
  // Headline KPIs in the main table and the charts; every other KPI in a folded table.
  const std::size_t n_headline = headline_kpis().size();
  std::vector<std::vector<Cell>> rows, other_rows;
  json effects = json::array();
  for (const auto& d : sorted) {
    const KpiInfo k = kpi_info(d.kpi);
    const bool share = k.kind == KpiKind::Share;
    auto fmt = [&](double v) { return share ? display_fixed(v * 100, 2) : display_number(v); };
    const std::string cls = !clear_difference(d) ? "num flat" : std::string("num ") + change_class(k, d.diff);
    const std::string cost = cost_text(d);
    (rank(d) < n_headline ? rows : other_rows)
        .push_back({Cell(k.label + (share ? " (%)" : "")), Cell(fmt(d.mean_a), "num"),
                    Cell(fmt(d.mean_b), "num"), Cell((d.diff > 0 ? "+" : "") + fmt(d.diff), cls),
                    Cell("[" + fmt(d.ci_low) + ", " + fmt(d.ci_high) + "]", "num"),
                    Cell(std::isfinite(d.effect_size) ? display_fixed(d.effect_size, 2) : "NA", "num"),
                    Cell(p_text(d.p_value), "num"), Cell(display_number(d.n), "num"),
                    Cell(cost.empty() ? "–" : cost, "num")});
    if (rank(d) < n_headline && std::isfinite(d.effect_size) && std::isfinite(d.sd_diff) && d.sd_diff > 0)
      effects.push_back(
          {{"kpi", k.label},
           {"d", d.effect_size},
           {"low", d.ci_low / d.sd_diff},
           {"high", d.ci_high / d.sd_diff},
           {"direction", !clear_difference(d)              ? "no clear difference"
                         : improvement_sign(k, d.diff) > 0 ? "better in B"
                         : improvement_sign(k, d.diff) < 0 ? "worse in B"
                                                           : "different (no better direction)"}});
  }
  const std::vector<std::string> header = {
      "KPI", "mean A", "mean B", "B − A", "95% CI", "effect size d_z", "p", "n", "cost per unit gained"};
  if (!rows.empty()) doc.html(html_table(header, rows));
  if (!other_rows.empty())
    doc.html("<details" + std::string(rows.empty() ? " open" : "") + "><summary>All other KPIs (" +
             std::to_string(other_rows.size()) + ")</summary><div class=\"scroll\">" +
             html_table(header, other_rows) + "</div></details>");
  if (!effects.empty())
    doc.chart(vega::effect_size_chart(std::move(effects),
                                      "standardised difference (B − A) / sd of paired differences"),
              "Effect sizes d_z of the headline KPIs, with the 95% CI of the mean paired difference on the "
              "same scale "
              "(symmetric log axis); the dashed line is no difference.");

  // --- differences over time, when comparison.csv has several ticks per KPI
  std::map<std::string, std::size_t> ticks_per_kpi;
  for (const auto& d : diffs) ++ticks_per_kpi[d.kpi];
  json over_time = json::array();
  std::vector<std::string> order;
  for (const auto& d : sorted) {
    if (ticks_per_kpi[d.kpi] < 2 || rank(d) >= n_headline) continue;
    const KpiInfo k = kpi_info(d.kpi);
    const double scale = k.kind == KpiKind::Share ? 100.0 : 1.0;
    order.push_back(facet_label(k));
    for (const auto& e : diffs)
      if (e.kpi == d.kpi && std::isfinite(e.diff))
        over_time.push_back({{"kpi", order.back()},
                             {"tick", e.tick},
                             {"diff", e.diff * scale},
                             {"low", std::isfinite(e.ci_low) ? e.ci_low * scale : e.diff * scale},
                             {"high", std::isfinite(e.ci_high) ? e.ci_high * scale : e.diff * scale}});
  }
  if (!over_time.empty()) {
    doc.section("over-time", "Differences over time",
                "B − A with its 95% CI at every month in comparison.csv.");
    doc.chart(vega::difference_small_multiples(std::move(over_time), order, 4, "month"),
              "Paired difference (line) and 95% confidence interval (band); dashed: zero.");
  }

  // --- attribution, when `vicsim attribute` results sit in the directory (docs/ODD.md 7.42)
  if (const fs::path attribution = find_attribution_csv(dir); !attribution.empty()) {
    const fs::path attribution_json = attribution.parent_path() / "attribution.json";
    const json ameta = fs::exists(attribution_json) ? read_json_file(attribution_json) : json::object();
    add_attribution_section(doc, read_attribution_csv(attribution), name_a, name_b,
                            ameta.value("command", std::string()));
  }

  // --- provenance
  std::string seeds;
  for (const auto& s : meta.value("seeds", json::array())) seeds += (seeds.empty() ? "" : ", ") + s.dump();
  if (seeds.size() > 200) seeds = seeds.substr(0, 200) + " …";
  doc.section("provenance", "Provenance");
  std::vector<ProvenanceItem> items = {
      {"arm A", name_a + (arms.contains("a") ? " · " + arms["a"].value("scenario", std::string()) : ""),
       false},
      {"arm B", name_b + (arms.contains("b") ? " · " + arms["b"].value("scenario", std::string()) : ""),
       false},
      {"replications", display_number(reps)},
      {"seeds", seeds.empty() ? "see runs/" : seeds},
      {"comparison by", "vicsim " + meta.value("vicsim_version", std::string("?")) + " (git " +
                            meta.value("git_hash", std::string("?")) + ")"},
      {"report by", std::string("vicsim ") + kVersion + " (git " + kGitHash + ")"},
      {"comparison directory", ctx.source.string(), true},
      {"report date", ctx.generated_at}};
  const std::string command = meta.value("command", std::string());
  doc.html(provenance_html(
      items, (command.empty() ? std::string("# (comparison.json records no command)") : command) + "\n" +
                 ctx.command));
  doc.footer("<p>vicsim comparison report · " + html_escape(name_a) + " vs " + html_escape(name_b) + "</p>");
  return doc;
}

}  // namespace vicsim::reports
