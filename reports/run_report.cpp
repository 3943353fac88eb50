#include "reports/run_report.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "reports/display_format.hpp"
#include "reports/graphml_snapshot.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/network_layout.hpp"
#include "reports/pilot_report.hpp"
#include "reports/platform_report.hpp"
#include "reports/provenance.hpp"
#include "reports/vega_specs.hpp"
#include "vicsim_version.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "null";
  if (v.is_array()) {
    bool scalars = std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_primitive(); });
    if (scalars) {
      std::string s;
      for (const auto& e : v) s += (s.empty() ? "" : ", ") + scalar_text(e);
      return s.empty() ? "[]" : s;
    }
  }
  return v.dump();
}

void flatten(const json& j, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>& out) {
  if (j.is_object() && !j.empty()) {
    for (const auto& [k, v] : j.items()) flatten(v, prefix.empty() ? k : prefix + "." + k, out);
  } else {
    out.emplace_back(prefix, scalar_text(j));
  }
}

double last_finite(const std::vector<double>& v) {
  for (auto it = v.rbegin(); it != v.rend(); ++it)
    if (std::isfinite(*it)) return *it;
  return std::nan("");
}
double first_finite(const std::vector<double>& v) {
  for (double x : v)
    if (std::isfinite(x)) return x;
  return std::nan("");
}

std::string kpi_value_text(const KpiInfo& k, double v) {
  if (k.kind == KpiKind::Share) return display_percent(v);
  return display_number(v);
}

/** Columns worth plotting: numeric, not identifiers. */
std::vector<std::string> plottable_columns(const CsvTable& t) {
  std::vector<std::string> out;
  for (std::size_t c = 0; c < t.header().size(); ++c) {
    const std::string& name = t.header()[c];
    if (is_identifier_column(name) || !t.is_numeric(c)) continue;
    out.push_back(name);
  }
  return out;
}

void add_small_multiples(HtmlDocument& doc, const CsvTable& ts, const std::vector<std::string>& kpis,
                         const std::string& caption) {
  const auto ticks = ts.numbers("tick");
  json rows = json::array();
  std::vector<std::string> order;
  for (const auto& name : kpis) {
    const KpiInfo k = kpi_info(name);
    const std::string label = facet_label(k);
    order.push_back(label);
    const auto v = ts.numbers(name);
    const double scale = k.kind == KpiKind::Share ? 100.0 : 1.0;
    for (std::size_t r = 0; r < v.size(); ++r)
      if (std::isfinite(v[r]) && std::isfinite(ticks[r]))
        rows.push_back({{"kpi", label}, {"tick", ticks[r]}, {"value", v[r] * scale}});
  }
  if (!rows.empty()) doc.chart(vega::kpi_small_multiples(std::move(rows), order, 4), caption);
}

/** Stage tracks: every *stage_name column, plus numeric *stage columns without a name column. */
void add_stage_timeline(HtmlDocument& doc, const RunDirectory& run) {
  const CsvTable& ts = run.timeseries;
  const auto ticks = ts.numbers("tick");
  json segments = json::array();
  std::vector<std::vector<std::string>> reached_rows;
  for (const auto& col : ts.header()) {
    const bool named = col.size() >= 10 && col.compare(col.size() - 10, 10, "stage_name") == 0;
    const bool numeric_only = col.size() >= 5 && col.compare(col.size() - 5, 5, "stage") == 0 &&
                              !ts.has(col + "_name") && ts.is_numeric(ts.require(col));
    if (!named && !numeric_only) continue;
    const std::string base = named ? (col.size() > 11 ? col.substr(0, col.size() - 5) : "stage") : col;
    const std::string track = kpi_info(base).label;
    std::vector<std::string> names;
    std::vector<double> level(ts.rows(), std::nan(""));
    if (named) {
      names = ts.texts(col);
      if (ts.has(base)) level = ts.numbers(base);
    } else {
      level = ts.numbers(col);
      for (double v : level) names.push_back(std::isfinite(v) ? "stage " + display_number(v) : "NA");
    }
    // Stage names in the order of their numeric level, else of first appearance.
    std::vector<std::pair<double, std::string>> seen;
    for (std::size_t r = 0; r < names.size(); ++r)
      if (std::none_of(seen.begin(), seen.end(), [&](const auto& p) { return p.second == names[r]; }))
        seen.emplace_back(std::isfinite(level[r]) ? level[r] : static_cast<double>(seen.size()), names[r]);
    std::stable_sort(seen.begin(), seen.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t start = 0;
    for (std::size_t r = 1; r <= names.size(); ++r) {
      if (r < names.size() && names[r] == names[start]) continue;
      const auto lv =
          std::find_if(seen.begin(), seen.end(), [&](const auto& p) { return p.second == names[start]; });
      segments.push_back({{"track", track},
                          {"stage", names[start]},
                          {"level", std::clamp(lv->first, 0.0, 3.0)},
                          {"start", ticks[start] - 1},
                          {"end", ticks[r - 1]},
                          {"from", ticks[start]},
                          {"to", ticks[r - 1]}});
      if (r < names.size()) start = r;
    }
    for (const auto& [lv, n] : seen) {
      for (std::size_t r = 0; r < names.size(); ++r)
        if (names[r] == n) {
          reached_rows.push_back({track, n, display_number(ticks[r])});
          break;
        }
    }
  }
  if (segments.empty()) {
    doc.paragraph("This time series has no stage column, so there is no stage timeline.");
    return;
  }
  doc.chart(
      vega::stage_timeline(std::move(segments), last_finite(ticks)),
      "Each bar spans the months the cluster spent in a stage (detected every month from the time series; "
      "see docs/ODD.md for the indicators).");
  std::vector<std::vector<Cell>> rows;
  for (const auto& r : reached_rows) rows.push_back({Cell(r[0]), Cell(r[1]), Cell(r[2], "num")});
  doc.html("<h3>First month in each stage</h3>" + html_table({"path", "stage", "first month"}, rows));
}

void add_network_snapshots(HtmlDocument& doc, const RunDirectory& run) {
  const auto all = list_snapshots(run.dir);
  if (all.empty() && run.frames.empty()) {
    doc.paragraph("This run directory has no network/tick_NNNN.graphml snapshots and no frames/ directory.");
    return;
  }
  if (!all.empty()) {
    std::vector<std::size_t> pick;
    const std::size_t n = all.size();
    for (std::size_t i = 0; i < 4 && i < n; ++i) {
      const std::size_t k =
          n <= 4 ? i : static_cast<std::size_t>(std::lround(static_cast<double>(i * (n - 1)) / 3.0));
      if (pick.empty() || pick.back() != k) pick.push_back(k);
    }
    std::vector<NetworkSnapshot> snaps;
    for (std::size_t k : pick) snaps.push_back(read_snapshot(all[k].second, all[k].first));

    // Regions, industries and stage order from the resolved scenario, falling back on the data.
    std::vector<std::string> industries;
    std::map<std::string, std::vector<std::string>> stages_of;
    for (const auto& ind : run.resolved.value("industries", json::array())) {
      industries.push_back(ind.value("name", ""));
      stages_of[industries.back()] = ind.value("stages", std::vector<std::string>{});
    }
    std::map<std::string, double> firms_in;
    for (const auto& node : snaps.back().nodes) firms_in[node.region] += 1;
    std::vector<RegionGeo> geo;
    for (const auto& r : run.resolved.value("regions", json::array()))
      geo.push_back({r.value("name", ""), r.value("x_km", 0.0), r.value("y_km", 0.0), 0});
    std::set<std::string> known;
    for (const auto& g : geo) known.insert(g.name);
    for (const auto& s : snaps)
      for (const auto& node : s.nodes) {
        if (!known.count(node.region)) {
          known.insert(node.region);
          geo.push_back({node.region, node.x, node.y, 0});
        }
        if (std::find(industries.begin(), industries.end(), node.industry) == industries.end())
          industries.push_back(node.industry);
      }
    for (auto& g : geo) g.firms = firms_in[g.name];
    const auto places = region_layout(geo);
    std::map<std::string, RegionPlace> place_of;
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
    json regions = json::array();
    for (const auto& p : places) {
      place_of[p.name] = p;
      x0 = std::min(x0, p.x - p.radius), x1 = std::max(x1, p.x + p.radius);
      y0 = std::min(y0, p.y - p.radius), y1 = std::max(y1, p.y + p.radius + 0.06);
      regions.push_back({{"name", p.name}, {"x", p.x}, {"y", p.y}, {"r", p.radius}});
    }
    const double pad = 0.04 * std::max(x1 - x0, y1 - y0);
    x0 -= pad, x1 += pad, y0 -= pad, y1 += pad;
    // Equal aspect: the map is 520 px wide and at most 480 px tall.
    double w = x1 - x0, h = y1 - y0;
    if (h / w > 480.0 / 520.0) {
      const double nw = h * 520.0 / 480.0;
      x0 -= (nw - w) / 2, x1 += (nw - w) / 2;
    } else if (h / w < 300.0 / 520.0) {
      const double nh = w * 300.0 / 520.0;
      y0 -= (nh - h) / 2, y1 += (nh - h) / 2;
    }
    auto round4 = [](double v) { return std::round(v * 1e4) / 1e4; };
    std::string grid = "<div class=\"grid2\">";
    doc.html(grid);
    for (const auto& s : snaps) {
      json nodes = json::array(), edges = json::array();
      std::size_t across = 0;
      for (const auto& node : s.nodes) {
        const auto& st = stages_of[node.industry];
        const int si = static_cast<int>(std::find(st.begin(), st.end(), node.stage) - st.begin());
        const int ii = static_cast<int>(std::find(industries.begin(), industries.end(), node.industry) -
                                        industries.begin());
        const auto pt = firm_position(
            place_of[node.region], node.firm_id, ii, static_cast<int>(industries.size()),
            si < static_cast<int>(st.size()) ? si : 0, std::max<int>(1, static_cast<int>(st.size())));
        nodes.push_back({{"id", node.firm_id},
                         {"x", round4(pt.x)},
                         {"y", round4(pt.y)},
                         {"label", node.label},
                         {"region", node.region},
                         {"industry", node.industry},
                         {"stage", node.stage},
                         {"employees", std::round(node.employees * 10) / 10}});
      }
      for (const auto& e : s.edges) {
        const bool cross = s.nodes[e.source].region != s.nodes[e.target].region;
        across += cross ? 1 : 0;
        edges.push_back(
            {{"s", s.nodes[e.source].firm_id}, {"t", s.nodes[e.target].firm_id}, {"c", cross ? 1 : 0}});
      }
      const std::string title =
          "month " + std::to_string(s.tick) + " · " + display_number(double(s.nodes.size())) + " firms · " +
          display_number(double(s.edges.size())) + " ties (" +
          display_percent(s.edges.empty() ? 0.0 : double(across) / double(s.edges.size())) +
          " across regions)";
      doc.chart(
          vega::network_map(std::move(nodes), std::move(edges), regions, {x0, x1, y0, y1}, industries, title),
          "Firms of network/tick_" +
              [&] {
                std::ostringstream o;
                o.width(4);
                o.fill('0');
                o << s.tick;
                return o.str();
              }() +
              ".graphml, coloured by industry and sized by employees. Each disc is a region, placed at its "
              "map coordinates (pushed apart to avoid overlap); inside it industries are sectors and "
              "value-chain stages rings (upstream at the centre).",
          "canvas");
    }
    doc.html("</div>");
  }
  if (!run.frames.empty()) {
    doc.html("<h3>Frames from the visualizer</h3><div class=\"grid2\">");
    const std::size_t n = run.frames.size();
    for (std::size_t i = 0; i < std::min<std::size_t>(n, 4); ++i) {
      const auto& f =
          run.frames[n <= 4 ? i
                            : static_cast<std::size_t>(std::lround(static_cast<double>(i * (n - 1)) / 3.0))];
      std::ifstream in(f, std::ios::binary);
      std::ostringstream raw;
      raw << in.rdbuf();
      static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      const std::string bytes = raw.str();
      std::string enc;
      for (std::size_t k = 0; k < bytes.size(); k += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[k]) << 16) |
                           (k + 1 < bytes.size() ? static_cast<unsigned char>(bytes[k + 1]) << 8 : 0u) |
                           (k + 2 < bytes.size() ? static_cast<unsigned char>(bytes[k + 2]) : 0u);
        enc += b64[(v >> 18) & 63];
        enc += b64[(v >> 12) & 63];
        enc += k + 1 < bytes.size() ? b64[(v >> 6) & 63] : '=';
        enc += k + 2 < bytes.size() ? b64[v & 63] : '=';
      }
      doc.html(
          "<figure class=\"chart\"><img alt=\"frame\" style=\"max-width:100%\" src=\"data:image/png;base64," +
          enc + "\"><figcaption>frames/" + html_escape(f.filename().string()) + "</figcaption></figure>");
    }
    doc.html("</div>");
  }
}

}  // namespace

void add_parameter_tables(HtmlDocument& doc, const json& resolved) {
  if (!resolved.is_object() || resolved.empty()) {
    doc.paragraph("No scenario.resolved.json in this directory.");
    return;
  }
  std::vector<std::vector<Cell>> top;
  for (const auto& [k, v] : resolved.items())
    if (v.is_primitive() && k != "description") top.push_back({Cell(k, "code"), Cell(scalar_text(v))});
  if (!top.empty()) doc.html("<h3>Scenario</h3>" + html_table({"key", "value"}, top));
  for (const auto& [k, v] : resolved.items()) {
    if (k == "provenance") continue;
    if (v.is_object()) {
      std::vector<std::pair<std::string, std::string>> flat;
      flatten(v, "", flat);
      std::vector<std::vector<Cell>> rows;
      for (const auto& [path, text] : flat) rows.push_back({Cell(k + "." + path, "code"), Cell(text)});
      doc.html("<details open><summary>" + html_escape(k) + " (" + std::to_string(rows.size()) +
               " settings)</summary><div class=\"scroll\">" + html_table({"key", "value"}, rows) +
               "</div></details>");
    } else if (v.is_array() && !v.empty() && v[0].is_object()) {
      std::vector<std::string> cols;
      std::vector<std::vector<std::pair<std::string, std::string>>> flat_rows;
      for (const auto& el : v) {
        std::vector<std::pair<std::string, std::string>> flat;
        flatten(el, "", flat);
        for (const auto& [p, t] : flat)
          if (std::find(cols.begin(), cols.end(), p) == cols.end()) cols.push_back(p);
        flat_rows.push_back(std::move(flat));
      }
      std::vector<std::vector<Cell>> rows;
      for (const auto& fr : flat_rows) {
        std::vector<Cell> row;
        for (const auto& c : cols) {
          auto it = std::find_if(fr.begin(), fr.end(), [&](const auto& p) { return p.first == c; });
          row.emplace_back(it == fr.end() ? std::string() : it->second);
        }
        rows.push_back(std::move(row));
      }
      doc.html("<details open><summary>" + html_escape(k) + " (" + std::to_string(rows.size()) +
               ")</summary><div class=\"scroll\">" + html_table(cols, rows) + "</div></details>");
    }
  }
}

std::string run_reproduce_command(const RunDirectory& run, const ReportContext& ctx) {
  const json prov = run.resolved.value("provenance", json::object());
  std::string cmd = "vicsim run " + shell_quote(prov.value("source_file", "SCENARIO.json"));
  if (run.resolved.contains("seed")) cmd += " --seed " + run.resolved["seed"].dump();
  if (run.resolved.contains("ticks")) cmd += " --ticks " + run.resolved["ticks"].dump();
  for (const auto& s : prov.value("overrides", json::array()))
    if (s.is_string()) cmd += " --set " + shell_quote(s.get<std::string>());
  cmd += " --out " + shell_quote(ctx.source.string()) + "\n" + ctx.command;
  return cmd;
}

HtmlDocument run_report(const RunDirectory& run, const ReportContext& ctx) {
  const CsvTable& ts = run.timeseries;
  const std::string name =
      run.resolved.value("name", run.summary.value("scenario", run.dir.filename().string()));
  const bool pilot = is_pilot(run);
  const auto ticks = ts.numbers("tick");
  const std::string seed = run.resolved.contains("seed") ? run.resolved["seed"].dump() : "unknown";
  HtmlDocument doc(std::string(pilot ? "Pilot program" : "Run") + " report: " + name,
                   "scenario " + name + " · seed " + seed + " · " + display_number(last_finite(ticks)) +
                       " months · generated " + ctx.generated_at);

  doc.section("overview", "Overview",
              html_escape(run.resolved.value("description", std::string("One simulation run."))));
  std::vector<Card> cards;
  auto card = [&](const std::string& col, const std::string& title) {
    if (!ts.has(col) || !ts.is_numeric(ts.require(col))) return;
    const KpiInfo k = kpi_info(col);
    const auto v = ts.numbers(col);
    cards.push_back(
        {title, kpi_value_text(k, last_finite(v)),
         "month 1: " + kpi_value_text(k, first_finite(v)) +
             (k.unit.empty() || k.unit == "count" || k.kind == KpiKind::Index ? "" : " · " + k.unit)});
  };
  card("firms", "firms at the end");
  card("output", "gross output");
  card("adoption_share", "platform adoption");
  card("cross_region_tie_share", "cross-regional ties");
  card("transaction_cost_per_unit", "transaction cost / unit");
  card("lead_time_days", "delivery lead time");
  if (ts.has("stage_name") && ts.rows() > 0) {
    const auto names = ts.texts("stage_name");
    std::size_t first = names.size() - 1;
    while (first > 0 && names[first - 1] == names.back()) --first;
    cards.push_back({"stage at the end", names.back(), "since month " + display_number(ticks[first])});
  }
  doc.html(html_cards(cards));

  if (pilot) {
    add_pilot_sections(doc, run);
  } else {
    for (const auto& p : run.resolved.value("policies", json::array()))
      if (p.is_object() && p.value("instrument", std::string()) == "pilot") {
        doc.html(
            "<p class=\"warn\">This scenario runs a pilot program (" +
            html_escape(p.value("name", std::string("pilot"))) +
            "), but the run directory has no regions.csv with a <code>treated</code> column, so treated and "
            "control regions cannot be compared here. The KPIs below are cluster-wide.</p>");
        break;
      }
  }

  const auto plottable = plottable_columns(ts);
  std::vector<std::string> headline, rest;
  for (const auto& k : headline_kpis())
    if (std::find(plottable.begin(), plottable.end(), k) != plottable.end()) headline.push_back(k);
  for (const auto& k : plottable)
    if (std::find(headline.begin(), headline.end(), k) == headline.end() && k != "stage" &&
        k.find("stage") == std::string::npos)
      rest.push_back(k);
  doc.section(
      "kpis", "KPIs over time",
      "The main indicators month by month (timeseries.csv). Each panel has its own scale; shares are in "
      "percent.");
  add_small_multiples(doc, ts, headline, "Headline KPIs of this run, one panel each.");
  if (!rest.empty()) {
    doc.html("<details><summary>All other metrics (" + std::to_string(rest.size()) + ")</summary>");
    add_small_multiples(doc, ts, rest, "Every other numeric column of timeseries.csv (see docs/outputs.md).");
    doc.html("</details>");
  }

  add_platform_sections(doc, run);

  doc.section(
      "stages", "Evolution stages",
      "Which stage of each evolution path the cluster was in, month by month: traditional (concentration "
      "→ value chain → ecosystem), platform-led (dominance → community → globalization) and the platform "
      "ecosystem (1.0 islands → 2.0 interconnection → 3.0 ecosystem). Darker is further along.");
  add_stage_timeline(doc, run);

  doc.section("network", "Network snapshots",
              "The supply and collaboration network at up to four snapshot months. Orange lines are ties "
              "across regions; grey ones stay within a region.");
  add_network_snapshots(doc, run);

  doc.section("parameters", "Resolved parameters",
              "Every setting of the run, defaults filled in (scenario.resolved.json).");
  add_parameter_tables(doc, run.resolved);

  const json prov = run.resolved.value("provenance", json::object());
  doc.section("provenance", "Provenance");
  doc.html(provenance_html({{"scenario", name},
                            {"scenario file", prov.value("source_file", "unknown"), true},
                            {"seed", seed},
                            {"run by", "vicsim " + prov.value("vicsim_version", std::string("?")) + " (git " +
                                           prov.value("git_hash", std::string("?")) + ")"},
                            {"report by", std::string("vicsim ") + kVersion + " (git " + kGitHash + ")"},
                            {"run directory", ctx.source.string(), true},
                            {"report date", ctx.generated_at}},
                           run_reproduce_command(run, ctx)));
  doc.footer("<p>vicsim run report · " + html_escape(name) + " · seed " + html_escape(seed) + "</p>");
  return doc;
}

}  // namespace vicsim::reports
