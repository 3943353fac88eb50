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
  if (t.has("index") && t.has("value")) {
    const std::size_t idx = t.require("index"), val = t.require("value");
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
  const std::string name = experiment.value("name", dir.filename().string());
  HtmlDocument doc("Sweep report: " + name,
                   display_number(double(results.rows())) + " runs · " + std::to_string(factors.size()) +
                       " factors · " + std::to_string(kpis.size()) + " KPIs · generated " + ctx.generated_at);

  doc.section("overview", "Overview",
              "What was varied and what mattered most (results.csv, sensitivity.csv).");
  doc.html(html_cards({{"runs", display_number(double(results.rows())), "rows of results.csv"},
                       {"design points", points.empty() ? "–" : display_number(double(points.size())), ""},
                       {"factors", std::to_string(factors.size()), ""},
                       {"KPIs", std::to_string(kpis.size()), ""}}));
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
      std::string restricted;
      for (std::size_t j = 0; j < prim_factors.size(); ++j) {
        double lo = std::nan(""), hi = std::nan("");
        if (box.contains("limits") && box["limits"].contains(prim_factors[j])) {
          lo = box["limits"][prim_factors[j]][0].get<double>(),
          hi = box["limits"][prim_factors[j]][1].get<double>();
        } else if (box.contains("low") && j < box["low"].size()) {
          lo = box["low"][j].get<double>(), hi = box["high"][j].get<double>();
        }
        if (!std::isfinite(lo) || !results.has(prim_factors[j])) continue;
        const auto v = results.numbers(prim_factors[j]);
        const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
        const double span = *mx - *mn;
        const bool cut = box.contains("restricted") && j < box["restricted"].size()
                             ? box["restricted"][j].get<bool>()
                             : (lo > *mn || hi < *mx);
        const std::string range = display_number(lo) + " – " + display_number(hi);
        if (cut)
          restricted +=
              (restricted.empty() ? "" : "; ") + short_name(prim_factors[j]) + " in [" + range + "]";
        rows.push_back({{"box", label},
                        {"factor", short_name(prim_factors[j])},
                        {"low", span > 0 ? std::clamp((lo - *mn) / span, 0.0, 1.0) : 0.0},
                        {"high", span > 0 ? std::clamp((hi - *mn) / span, 0.0, 1.0) : 1.0},
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
      bool ok = true;
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
  const std::string command = experiment.value("command", std::string());
  doc.html(provenance_html(
      {{"experiment", name},
       {"scenario", experiment.value("scenario", std::string("see the experiment file")), false},
       {"seeds", seeds},
       {"sweep by", "vicsim " + experiment.value("vicsim_version", std::string("?")) + " (git " +
                        experiment.value("git_hash", std::string("?")) + ")"},
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
