#include "reports/attribution_report.hpp"

#include <cmath>
#include <map>

#include "reports/csv_field.hpp"
#include "reports/csv_table.hpp"
#include "reports/display_format.hpp"
#include "reports/html_document.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/number_format.hpp"
#include "reports/report_input_error.hpp"
#include "reports/run_directory.hpp"
#include "reports/vega_specs.hpp"

namespace vicsim::reports {

namespace {

bool summary_row(const std::string& m) { return m == "total" || m == "unexplained" || m == "interaction"; }

nlohmann::json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}

}  // namespace

void write_attribution_csv(std::ostream& out, const std::vector<AttributionRow>& rows) {
  out << "kpi,tick,mechanism,contribution,ci_low,ci_high\n";
  for (const auto& r : rows)
    out << csv_field(r.kpi) << ',' << r.tick << ',' << csv_field(r.mechanism) << ','
        << format_number(r.contribution) << ',' << format_number(r.ci_low) << ',' << format_number(r.ci_high)
        << '\n';
}

std::vector<AttributionRow> read_attribution_csv(const std::filesystem::path& path) {
  const CsvTable t = CsvTable::read(path);
  const auto col = [&](const char* name) {
    const auto k = t.index(name);
    if (!k) throw ReportInputError(path.string() + ": missing column '" + name + "'");
    return *k;
  };
  const std::size_t kpi = col("kpi"), tick = col("tick"), mech = col("mechanism"),
                    value = col("contribution"), low = col("ci_low"), high = col("ci_high");
  std::vector<AttributionRow> rows;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const double tk = t.number(r, tick);
    if (!std::isfinite(tk))
      throw ReportInputError(path.string() + ": data row " + std::to_string(r + 1) +
                             ", column tick: expected a month, found '" + t.text(r, tick) + "'");
    rows.push_back({t.text(r, kpi), static_cast<int>(tk), t.text(r, mech), t.number(r, value),
                    t.number(r, low), t.number(r, high)});
  }
  if (rows.empty()) throw ReportInputError(path.string() + ": no data rows");
  return rows;
}

std::filesystem::path find_attribution_csv(const std::filesystem::path& dir) {
  std::error_code ec;
  for (const auto& p : {dir / "attribution.csv", dir / "attribution" / "attribution.csv"})
    if (std::filesystem::is_regular_file(p, ec)) return p;
  return {};
}

void add_attribution_section(HtmlDocument& doc, const std::vector<AttributionRow>& rows,
                             const std::string& name_a, const std::string& name_b,
                             const std::string& command) {
  doc.section(
      "attribution", "Attribution: where the difference comes from",
      "<p>Each chart starts at 0 (arm " + html_escape(name_a) +
          "), adds each mechanism group's contribution (Shapley value over the mechanism registry's "
          "switches), then the part no registered switch carries (unexplained), and ends at the total "
          "difference of arm " +
          html_escape(name_b) + ". Whiskers: 95% confidence interval of each step over replications." +
          (command.empty() ? std::string() : " Command: <code>" + html_escape(command) + "</code>") + "</p>");
  std::map<std::string, int> last_tick;
  std::vector<std::string> order;
  for (const auto& r : rows) {
    if (!last_tick.count(r.kpi)) order.push_back(r.kpi);
    last_tick[r.kpi] = std::max(last_tick[r.kpi], r.tick);
  }
  for (const auto& kpi : order) {
    nlohmann::json bars = nlohmann::json::array();
    double level = 0.0;
    int step = 0;
    auto bar = [&](const AttributionRow& r, const std::string& kind) {
      const bool total = kind == "total";
      const double start = total ? 0.0 : level, end = total ? r.contribution : level + r.contribution;
      bars.push_back({{"step", step++},
                      {"label", r.mechanism},
                      {"start", start},
                      {"end", end},
                      {"contribution", number_or_null(r.contribution)},
                      {"ci_low", number_or_null(r.ci_low)},
                      {"ci_high", number_or_null(r.ci_high)},
                      {"low", number_or_null(end - r.contribution + r.ci_low)},
                      {"high", number_or_null(end - r.contribution + r.ci_high)},
                      {"kind", kind}});
      if (!total) level = end;
    };
    const AttributionRow* total = nullptr;
    const AttributionRow* unexplained = nullptr;
    for (const auto& r : rows) {
      if (r.kpi != kpi || r.tick != last_tick[kpi] || r.mechanism == "interaction") continue;
      if (r.mechanism == "total")
        total = &r;
      else if (r.mechanism == "unexplained")
        unexplained = &r;
      else
        bar(r, r.contribution >= 0 ? "increase" : "decrease");
    }
    if (unexplained) bar(*unexplained, "unexplained");
    if (total) bar(*total, "total");
    const KpiInfo info = kpi_info(kpi);
    doc.chart(vega::waterfall_chart(std::move(bars),
                                    info.unit.empty() ? info.label : info.label + " (" + info.unit + ")"),
              info.label + " at month " + std::to_string(last_tick[kpi]) + ": " + name_a + " → " + name_b);
  }
  doc.section("attribution-table", "Every contribution");
  std::vector<std::vector<Cell>> cells;
  for (const auto& r : rows)
    cells.push_back({Cell(r.kpi), Cell(std::to_string(r.tick), "num"),
                     Cell(r.mechanism, summary_row(r.mechanism) ? "muted" : ""),
                     Cell(format_number(r.contribution), "num"), Cell(format_number(r.ci_low), "num"),
                     Cell(format_number(r.ci_high), "num")});
  doc.html(html_table({"KPI", "month", "mechanism", "contribution", "95% CI low", "95% CI high"}, cells));
}

namespace {
HtmlDocument attribution_document(const std::vector<AttributionRow>& rows, const std::string& name_a,
                                  const std::string& name_b, const std::string& command) {
  HtmlDocument doc(
      "Attribution: " + name_b + " − " + name_a,
      "Each KPI's paired difference split into the contributions of mechanism groups (Shapley values)");
  add_attribution_section(doc, rows, name_a, name_b, command);
  return doc;
}
}  // namespace

HtmlDocument attribution_report(const std::filesystem::path& dir, const ReportContext& ctx) {
  const auto rows = read_attribution_csv(dir / "attribution.csv");
  const nlohmann::json meta = read_json_file(dir / "attribution.json");
  std::string name_a = "A", name_b = "B";
  if (meta.contains("arms") && meta["arms"].is_object()) {
    const auto& arms = meta["arms"];
    if (arms.contains("a") && arms["a"].is_object()) name_a = arms["a"].value("name", name_a);
    if (arms.contains("b") && arms["b"].is_object()) name_b = arms["b"].value("name", name_b);
  }
  const std::string command = meta.value("command", std::string());
  HtmlDocument doc = attribution_document(rows, name_a, name_b, command);
  doc.footer("Generated by <code>" + html_escape(ctx.command) + "</code> from " +
             html_escape(ctx.source.string()) + ". Method: attribution.json" +
             (meta.contains("shapley")
                  ? " (" + html_escape(meta.value("shapley", std::string())) + " Shapley values)"
                  : std::string()) +
             ".");
  return doc;
}

void write_attribution_html(std::ostream& out, const std::vector<AttributionRow>& rows,
                            const std::string& name_a, const std::string& name_b, const std::string& command,
                            const VegaAssets& assets) {
  HtmlDocument doc = attribution_document(rows, name_a, name_b, command);
  doc.footer("Generated by <code>" + html_escape(command) + "</code>. Method: attribution.json.");
  out << doc.render(assets);
}

}  // namespace vicsim::reports
