#include "reports/sweep_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "reports/csv_table.hpp"
#include "reports/display_format.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/provenance.hpp"
#include "reports/report_input_error.hpp"
#include "reports/run_directory.hpp"
#include "reports/vega_specs.hpp"
#include "vicsim_version.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/** One sensitivity index: (method, kpi, factor, index) -> value with interval. */
struct Index {
  std::string method, kpi, factor, index;
  double value = 0, low = std::nan(""), high = std::nan("");
};

/** Reads sensitivity.csv in long form (kpi,factor,index,value[,low,high][,method]) or wide form
 * (kpi,factor,mu_star,sigma,S1,ST with optional <index>_low/_high or <index>_conf half-widths). */
std::vector<Index> read_sensitivity(const CsvTable& t) {
  std::vector<Index> out;
  const std::size_t kpi = t.require("kpi"), factor = t.require("factor");
  auto norm = [](std::string n) {
    if (n == "first" || n == "first_order" || n == "s1") return std::string("S1");
    if (n == "total" || n == "total_order" || n == "st") return std::string("ST");
    if (n == "mu*") return std::string("mu_star");
    return n;
  };
  if (t.has("index") && (t.has("value") || t.has("estimate"))) {
    const std::size_t idx = t.require("index"),
                      val = t.has("value") ? t.require("value") : t.require("estimate");
    const auto lo = t.index("low") ? t.index("low") : t.index("ci_low");
    const auto hi = t.index("high") ? t.index("high") : t.index("ci_high");
    const auto method = t.index("method");
    for (std::size_t r = 0; r < t.rows(); ++r)
      out.push_back({method ? t.text(r, *method) : "", t.text(r, kpi), t.text(r, factor),
                     norm(t.text(r, idx)), t.number(r, val), lo ? t.number(r, *lo) : std::nan(""),
                     hi ? t.number(r, *hi) : std::nan("")});
    return out;
  }
  for (const char* name : {"mu_star", "sigma", "S1", "ST"}) {
    const auto c = t.index(name);
    if (!c) continue;
    const std::string n(name);
    const auto lo = t.index(n + "_low"), hi = t.index(n + "_high"), conf = t.index(n + "_conf");
    for (std::size_t r = 0; r < t.rows(); ++r) {
      Index i{n == "mu_star" || n == "sigma" ? "morris" : "sobol", t.text(r, kpi), t.text(r, factor), n,
              t.number(r, *c)};
      if (lo && hi) i.low = t.number(r, *lo), i.high = t.number(r, *hi);
      if (conf) i.low = i.value - t.number(r, *conf), i.high = i.value + t.number(r, *conf);
      out.push_back(i);
    }
  }
  return out;
}

std::vector<std::string> names_from(const json& j, const char* key) {
  std::vector<std::string> out;
  for (const auto& e : j.value(key, json::array())) {
    if (e.is_string()) out.push_back(e.get<std::string>());
    if (e.is_object()) {
      if (e.contains("path") && e["path"].is_string())
        out.push_back(e["path"].get<std::string>());
      else if (e.contains("name") && e["name"].is_string())
        out.push_back(e["name"].get<std::string>());
    }
  }
  return out;
}

/** A key's value as text: strings as they are, objects by their "type" (a design), else JSON. */
std::string text_of(const json& j, const char* key, const std::string& fallback) {
  if (!j.is_object() || !j.contains(key) || j[key].is_null()) return fallback;
  const json& v = j[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("type") && v["type"].is_string()) return v["type"].get<std::string>();
  return v.dump();
}

std::string short_name(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

}  // namespace

HtmlDocument sweep_report(const fs::path& dir, const ReportContext& ctx) {
  const CsvTable results = CsvTable::read(dir / "results.csv");
  json experiment = json::object();
  for (const char* f : {"experiment.resolved.json", "experiment.json", "sweep.json"})
    if (fs::exists(dir / f)) {
      experiment = read_json_file(dir / f);
      break;
    }
  std::vector<Index> indices;
  if (fs::exists(dir / "sensitivity.csv"))
    indices = read_sensitivity(CsvTable::read(dir / "sensitivity.csv"));
  const json prim = fs::exists(dir / "prim.json") ? read_json_file(dir / "prim.json") : json();

  // Factors and KPIs: from the experiment file, else the sensitivity table, else by name (factors are
  // scenario paths with a dot).
  auto numeric = [&](const std::string& c) {
    return results.has(c) && results.is_numeric(results.require(c));
  };
  std::vector<std::string> factors, kpis;
  for (const auto& f : names_from(experiment, "factors"))
    if (numeric(f)) factors.push_back(f);
  for (const auto& k : names_from(experiment, "kpis"))
    if (numeric(k)) kpis.push_back(k);
  for (const auto& i : indices) {
    if (factors.empty() || std::find(factors.begin(), factors.end(), i.factor) == factors.end())
      if (numeric(i.factor) && names_from(experiment, "factors").empty()) factors.push_back(i.factor);
    if (numeric(i.kpi) && names_from(experiment, "kpis").empty() &&
        std::find(kpis.begin(), kpis.end(), i.kpi) == kpis.end())
      kpis.push_back(i.kpi);
  }
  std::sort(factors.begin(), factors.end());
  factors.erase(std::unique(factors.begin(), factors.end()), factors.end());
  if (factors.empty() || kpis.empty())
    for (const auto& c : results.header()) {
      if (is_identifier_column(c) || !numeric(c)) continue;
      auto& list = c.find('.') != std::string::npos ? factors : kpis;
      if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
    }

  std::set<std::string> points;
  if (results.has("point"))
    for (const auto& p : results.texts("point")) points.insert(p);
  const std::string experiment_file = text_of(experiment, "experiment_file", "");
  const std::string name =
      text_of(experiment, "name",
              experiment_file.empty() ? dir.filename().string() : fs::path(experiment_file).stem().string());
  std::size_t failed = 0;
  const auto status_col = results.index("status");
  auto run_ok = [&](std::size_t r) { return !status_col || results.text(r, *status_col) == "ok"; };
  for (std::size_t r = 0; r < results.rows(); ++r) failed += run_ok(r) ? 0 : 1;
  // An interrupted sweep has fewer rows than its plan (sweep.json); its results are a partial design.
  std::size_t planned = results.rows();
  const json manifest = fs::exists(dir / "sweep.json") ? read_json_file(dir / "sweep.json") : experiment;
  if (manifest.contains("runs") && manifest["runs"].is_number_unsigned())
    planned = manifest["runs"].get<std::size_t>();
  const bool unfinished = results.rows() < planned;
  HtmlDocument doc("Sweep report: " + name,
                   display_number(double(results.rows())) + " runs · " + std::to_string(factors.size()) +
                       " factors · " + std::to_string(kpis.size()) + " KPIs · generated " + ctx.generated_at);

  doc.section("overview", "Overview",
              "What was varied and what mattered most (results.csv, sensitivity.csv).");
  doc.html(html_cards({{"runs", display_number(double(results.rows())),
                        unfinished ? "of " + display_number(double(planned)) + " planned: unfinished"
                        : failed   ? std::to_string(failed) + " failed (left out of the plots)"
                                   : "rows of results.csv"},
                       {"design points", points.empty() ? "–" : display_number(double(points.size())), ""},
                       {"factors", std::to_string(factors.size()), ""},
                       {"KPIs", std::to_string(kpis.size()), ""}}));
  if (unfinished)
    doc.paragraph(
        "This sweep is unfinished: results.csv holds " + std::to_string(results.rows()) + " of its " +
        std::to_string(planned) +
        " planned runs, so what follows describes part of the design only. Run the same vicsim sweep "
        "command again to finish it.");
  // Most influential factor per KPI: total-order Sobol if present, else Morris mu*.
  std::string bullets;
  for (const auto& k : kpis) {
    for (const char* idx : {"ST", "mu_star"}) {
      std::vector<const Index*> v;
      for (const auto& i : indices)
        if (i.kpi == k && i.index == idx && std::isfinite(i.value)) v.push_back(&i);
      if (v.empty()) continue;
      std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->value > b->value; });
      std::string s = "The " + kpi_info(k).label + " depends most on " + short_name(v[0]->factor) + " (" +
                      (std::string(idx) == "ST" ? "total Sobol index " : "Morris μ* ") +
                      display_number(v[0]->value) + ")";
      if (v.size() > 1) s += ", then " + short_name(v[1]->factor) + " (" + display_number(v[1]->value) + ")";
      bullets += "<li>" + html_escape(s + ".") + "</li>";
      break;
    }
  }
  if (!bullets.empty()) doc.html("<ul class=\"summary\">" + bullets + "</ul>");
  std::vector<std::vector<Cell>> frows;
  for (const auto& f : factors) {
    const auto v = results.numbers(f);
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    frows.push_back({Cell(f, "code"), Cell(display_number(*lo), "num"), Cell(display_number(*hi), "num")});
  }
  doc.html("<h3>Factors</h3>" + html_table({"factor", "min sampled", "max sampled"}, frows));

  // Morris
  json morris = json::array();
  std::map<std::tuple<std::string, std::string>, json> morris_rows;
  for (const auto& i : indices)
    if (i.index == "mu_star" || i.index == "sigma") {
      auto& row = morris_rows[{kpi_info(i.kpi).label, i.factor}];
      row["kpi"] = kpi_info(i.kpi).label;
      row["factor"] = short_name(i.factor);
      row[i.index] = i.value;
    }
  for (auto& [key, row] : morris_rows)
    if (row.contains("mu_star") && row.contains("sigma")) morris.push_back(row);
  std::vector<std::string> kpi_labels;
  for (const auto& k : kpis) kpi_labels.push_back(kpi_info(k).label);
  doc.section(
      "morris", "Morris screening",
      "μ* (mean absolute elementary effect) measures a factor's overall influence; σ its interactions "
      "and non-linearity. Factors near the origin can be fixed.");
  if (!morris.empty())
    doc.chart(vega::morris_chart(std::move(morris), kpi_labels, 3),
              "Morris μ* against σ per KPI, in the KPI's units per full range of the factor.");
  else
    doc.paragraph("No Morris indices (mu_star, sigma) in sensitivity.csv.");

  // Sobol
  json sobol = json::array();
  for (const auto& i : indices)
    if (i.index == "S1" || i.index == "ST")
      sobol.push_back({{"kpi", kpi_info(i.kpi).label},
                       {"factor", short_name(i.factor)},
                       {"index", i.index},
                       {"value", i.value},
                       {"low", std::isfinite(i.low) ? i.low : i.value},
                       {"high", std::isfinite(i.high) ? i.high : i.value}});
  doc.section(
      "sobol", "Sobol indices",
      "First-order (S1: the factor alone) and total (ST: with all its interactions) shares of the KPI's "
      "variance, with 95% confidence intervals.");
  if (!sobol.empty())
    doc.chart(vega::sobol_chart(std::move(sobol), kpi_labels, 3),
              "Sobol S1 and ST per factor; whiskers: 95% CI.");
  else
    doc.paragraph("No Sobol indices (S1, ST) in sensitivity.csv.");

  // PRIM
  doc.section(
      "prim", "Scenario discovery (PRIM)",
      "Boxes of factor space where the condition holds (Friedman &amp; Fisher 1999; Bryant &amp; Lempert "
      "2010). Coverage: share of all condition-true runs inside the box; density: share of the box's runs "
      "that are true.");
  if (prim.is_object() && prim.contains("boxes")) {
    const auto prim_factors = names_from(prim, "factors").empty() ? factors : names_from(prim, "factors");
    if (prim.contains("condition"))
      doc.html("<p>Condition: <code>" +
               html_escape(prim["condition"].is_string() ? prim["condition"].get<std::string>()
                                                         : prim["condition"].dump()) +
               "</code></p>");
    json rows = json::array();
    std::vector<std::vector<Cell>> table;
    int b = 0;
    for (const auto& box : prim["boxes"]) {
      ++b;
      const std::string label = "box " + std::to_string(b);
      // A box's limits: [{factor, low, high, restricted}] (vicsim sweep), {factor: [low, high]}, or
      // parallel low/high/restricted arrays over the factors.
      struct Limit {
        std::string factor;
        double low, high;
        int restricted;  // -1: not stated
      };
      std::vector<Limit> limits;
      const json lim = box.value("limits", json());
      if (lim.is_array()) {
        for (const auto& l : lim)
          if (l.is_object() && l.contains("factor") && l["low"].is_number() && l["high"].is_number())
            limits.push_back({l["factor"].get<std::string>(), l["low"].get<double>(), l["high"].get<double>(),
                              l.contains("restricted") ? int(l["restricted"].get<bool>()) : -1});
      } else if (lim.is_object()) {
        for (const auto& [f, v] : lim.items())
          if (v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number())
            limits.push_back({f, v[0].get<double>(), v[1].get<double>(), -1});
      } else if (box.contains("low") && box.contains("high")) {
        for (std::size_t k = 0; k < prim_factors.size() && k < box["low"].size() && k < box["high"].size();
             ++k)
          limits.push_back({prim_factors[k], box["low"][k].get<double>(), box["high"][k].get<double>(),
                            box.contains("restricted") && k < box["restricted"].size()
                                ? int(box["restricted"][k].get<bool>())
                                : -1});
      }
      std::string restricted;
      for (const auto& l : limits) {
        if (!results.has(l.factor) || !results.is_numeric(results.require(l.factor))) continue;
        const auto v = results.numbers(l.factor);
        const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
        const double span = *mx - *mn;
        const bool cut = l.restricted >= 0 ? l.restricted == 1 : (l.low > *mn || l.high < *mx);
        const std::string range = display_number(l.low) + " – " + display_number(l.high);
        if (cut)
          restricted += (restricted.empty() ? "" : "; ") + short_name(l.factor) + " in [" + range + "]";
        rows.push_back({{"box", label},
                        {"factor", short_name(l.factor)},
                        {"low", span > 0 ? std::clamp((l.low - *mn) / span, 0.0, 1.0) : 0.0},
                        {"high", span > 0 ? std::clamp((l.high - *mn) / span, 0.0, 1.0) : 1.0},
                        {"range", range}});
      }
      table.push_back({Cell(label), Cell(display_percent(box.value("coverage", std::nan(""))), "num"),
                       Cell(display_percent(box.value("density", std::nan(""))), "num"),
                       Cell(display_percent(box.value("mass", std::nan(""))), "num"),
                       Cell(restricted.empty() ? "(whole range)" : restricted)});
    }
    doc.html(html_table({"box", "coverage", "density", "mass", "restricted factors"}, table));
    if (!rows.empty())
      doc.chart(
          vega::prim_chart(std::move(rows)),
          "Each bar is a box's range of a factor, as a share of the range sampled in the sweep (grey: the "
          "whole range).");
  } else {
    doc.paragraph("No prim.json in this directory.");
  }

  // Factors against KPIs
  doc.section("factors-kpis", "Factors against KPIs",
              "Every run of results.csv: parallel coordinates over factors and KPIs, and a scatter matrix.");
  if (!factors.empty() && !kpis.empty()) {
    json rows = json::array();
    std::vector<std::string> axes;
    for (const auto& f : factors) axes.push_back(short_name(f));
    for (const auto& k : kpis) axes.push_back(kpi_info(k).label);
    for (std::size_t r = 0; r < results.rows(); ++r) {
      json row;
      bool ok = run_ok(r);
      for (const auto& f : factors) {
        const double v = results.number(r, results.require(f));
        ok = ok && std::isfinite(v);
        row[short_name(f)] = v;
      }
      for (const auto& k : kpis) {
        const double v = results.number(r, results.require(k));
        ok = ok && std::isfinite(v);
        row[kpi_info(k).label] = v;
      }
      if (ok) rows.push_back(std::move(row));
    }
    std::vector<std::string> fshort, klabels;
    for (const auto& f : factors) fshort.push_back(short_name(f));
    for (const auto& k : kpis) klabels.push_back(kpi_info(k).label);
    if (!rows.empty()) {
      doc.chart(vega::parallel_coordinates(rows, axes, klabels.front()),
                "One line per run; each axis runs from its minimum to its maximum; colour: " +
                    klabels.front() + ".");
      doc.chart(vega::scatter_matrix(std::move(rows), fshort, klabels),
                "Each KPI (rows) against each factor (columns), one point per run.");
    } else {
      doc.paragraph("No run of results.csv has finite values for every factor and KPI.");
    }
  } else {
    doc.paragraph("Could not tell factors from KPIs in results.csv (no experiment file or sensitivity.csv).");
  }

  // Provenance
  std::string seeds = "–";
  if (results.has("seed")) {
    const auto s = results.numbers("seed");
    const auto [lo, hi] = std::minmax_element(s.begin(), s.end());
    seeds =
        std::to_string(s.size()) + " runs, seeds " + display_fixed(*lo, 0) + " … " + display_fixed(*hi, 0);
  }
  doc.section("provenance", "Provenance");
  std::string command = text_of(experiment, "command", "");
  if (command.empty() && !experiment_file.empty())
    command = "vicsim sweep " + shell_quote(experiment_file) + " --out " + shell_quote(ctx.source.string());
  doc.html(provenance_html(
      {{"experiment", name},
       {"experiment file", experiment_file.empty() ? std::string("unknown") : experiment_file, true},
       {"scenario",
        text_of(experiment, "scenario_file", text_of(experiment, "scenario", "see the experiment file")),
        true},
       {"design", text_of(experiment, "design", "unknown")},
       {"seeds", seeds},
       {"sweep by", "vicsim " + text_of(manifest, "vicsim_version", "?") + " (git " +
                        text_of(manifest, "git_hash", "?") + ")"},
       {"report by", std::string("vicsim ") + kVersion + " (git " + kGitHash + ")"},
       {"sweep directory", ctx.source.string(), true},
       {"report date", ctx.generated_at}},
      (command.empty() ? std::string("# (no experiment file with the sweep command in this directory)")
                       : command) +
          "\n" + ctx.command));
  doc.footer("<p>vicsim sweep report · " + html_escape(name) + "</p>");
  return doc;
}

}  // namespace vicsim::reports
