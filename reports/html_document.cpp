#include "reports/html_document.hpp"

#include <sstream>

namespace vicsim::reports {

namespace {

/** JSON text safe inside <script>: no "<" at all (JSON only has it inside strings, where \u003c is equal). */
std::string script_safe_json(const nlohmann::json& j) {
  const std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

/** A library's text safe inside <script>: "</script" cannot close the element early. */
std::string script_safe_js(const std::string& js) {
  std::string out;
  out.reserve(js.size());
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (js[i] == '<' && i + 1 < js.size() && js[i + 1] == '/' && js.compare(i + 2, 6, "script") == 0) {
      out += "<\\/";
      ++i;
    } else {
      out += js[i];
    }
  }
  return out;
}

constexpr std::string_view kStyle = R"CSS(
:root{--ink:#1f2933;--muted:#5f6c7b;--line:#d9e2ec;--bg:#f5f7fa;--card:#fff;--accent:#1f77b4;--good:#1a7f37;--bad:#b42318}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"DejaVu Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
header.top{background:linear-gradient(120deg,#102a43,#1f4e79);color:#fff;padding:28px 40px 18px}
header.top h1{margin:0 0 4px;font-size:28px;font-weight:650}
header.top .sub{opacity:.85;font-size:15px}
nav.toc{margin-top:14px;display:flex;flex-wrap:wrap;gap:6px}
nav.toc a{color:#fff;text-decoration:none;font-size:13px;padding:3px 10px;border:1px solid rgba(255,255,255,.35);border-radius:12px}
nav.toc a:hover{background:rgba(255,255,255,.15)}
main{max-width:1320px;margin:0 auto;padding:8px 40px 40px}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:22px 0;padding:18px 24px}
section h2{margin:0 0 6px;font-size:20px}
section .lead{color:var(--muted);margin:0 0 12px;font-size:14px}
section h3{font-size:16px;margin:18px 0 6px}
figure.chart{margin:10px 0 18px}
figure.chart .vega{max-width:100%;overflow-x:auto}
figure.chart figcaption{color:var(--muted);font-size:13px;margin-top:4px;max-width:1100px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0 8px}
.card{flex:1 1 170px;background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .label{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:24px;font-weight:650;margin:2px 0}
.card .note{font-size:12px;color:var(--muted)}
table.data{border-collapse:collapse;font-size:13px;margin:6px 0 10px}
table.data th{background:var(--bg);text-align:left;font-weight:600;border-bottom:2px solid var(--line);padding:5px 10px;position:sticky;top:0}
table.data td{border-bottom:1px solid var(--line);padding:4px 10px;vertical-align:top}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data td.up{color:var(--good);font-weight:600}
table.data td.down{color:var(--bad);font-weight:600}
table.data td.flat{color:var(--muted)}
table.data td.better{color:var(--good);font-weight:600}
table.data td.worse{color:var(--bad);font-weight:600}
table.data td.changed{color:var(--accent);font-weight:600}
table.data td.code,code{font-family:"DejaVu Sans Mono",monospace;font-size:12px}
.scroll{max-height:460px;overflow:auto;border:1px solid var(--line);border-radius:6px}
ul.summary{font-size:16px;padding-left:20px}
ul.summary li{margin:6px 0}
.note{color:var(--muted);font-size:13px}
.warn{background:#fff4e5;border:1px solid #f5c26b;border-radius:6px;padding:8px 12px;font-size:14px}
pre.cmd{background:#102a43;color:#e6f0fa;padding:10px 14px;border-radius:6px;overflow-x:auto;font-size:13px;white-space:pre-wrap}
details summary{cursor:pointer;color:var(--accent);margin:6px 0}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;font-size:14px;margin:0}
dl.prov dt{color:var(--muted)}
dl.prov dd{margin:0}
footer{max-width:1320px;margin:0 auto;padding:0 40px 30px;color:var(--muted);font-size:12px}
#report-status[data-status="error"]{display:block!important;background:#fde8e8;border:1px solid var(--bad);color:var(--bad);margin:16px 40px;padding:10px 14px;border-radius:6px;white-space:pre-wrap}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:8px 24px}
)CSS";

// Runs after the libraries: renders every chart, counts the marks it drew, and sets the status marker.
constexpr std::string_view kRenderScript = R"JS(
(function () {
  var V = window.__vicsim, status = document.getElementById('report-status');
  var charts = JSON.parse(document.getElementById('vicsim-charts').textContent);
  var rendered = 0;
  function finish() {
    var ok = V.errors.length === 0 && rendered === charts.length;
    status.setAttribute('data-charts', String(charts.length));
    status.setAttribute('data-rendered', String(rendered));
    status.setAttribute('data-errors', String(V.errors.length));
    status.setAttribute('data-warnings', String(V.warnings.length));
    status.setAttribute('data-messages', V.errors.concat(V.warnings).join(' | '));
    status.textContent = ok ? 'All ' + charts.length + ' charts rendered.'
      : 'Report rendering problems:\n' + V.errors.concat(V.warnings).join('\n');
    status.setAttribute('data-status', ok ? 'ok' : 'error');
  }
  function countMarks(mark) {
    var n = 0, items = (mark && mark.items) || [];
    if (mark.marktype === 'group') {
      items.forEach(function (g) { (g.items || []).forEach(function (m) { n += countMarks(m); }); });
    } else if (mark.role === 'mark') {
      n += items.length;
    }
    return n;
  }
  if (typeof vegaEmbed !== 'function') { V.errors.push('vega-embed did not load'); finish(); return; }
  var level = 2;
  var logger = {
    level: function (l) { if (l === undefined) return level; level = l; return this; },
    error: function () { V.errors.push(Array.prototype.join.call(arguments, ' ')); return this; },
    warn: function () { V.warnings.push(Array.prototype.join.call(arguments, ' ')); return this; },
    info: function () { return this; },
    debug: function () { return this; }
  };
  var opts = { actions: { export: true, source: false, compiled: false, editor: false }, logger: logger };
  Promise.all(charts.map(function (c) {
    var el = document.getElementById(c.id);
    return vegaEmbed(el, c.spec, Object.assign({ renderer: c.renderer }, opts)).then(function (res) {
      var n = countMarks(res.view.scenegraph().root);
      el.setAttribute('data-marks', String(n));
      if (n > 0) rendered++; else V.errors.push(c.id + ': drew no marks');
    }).catch(function (e) { V.errors.push(c.id + ': ' + (e && e.message ? e.message : e)); });
  })).then(finish, function (e) { V.errors.push(String(e)); finish(); });
})();
)JS";

constexpr std::string_view kErrorRecorder = R"JS(
window.__vicsim = { errors: [], warnings: [] };
window.addEventListener('error', function (e) { window.__vicsim.errors.push('error: ' + (e.message || e)); });
window.addEventListener('unhandledrejection', function (e) {
  window.__vicsim.errors.push('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : e.reason));
});
)JS";

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<Cell>>& rows,
                       const std::string& css_class) {
  std::ostringstream o;
  o << "<table class=\"" << html_escape(css_class) << "\"><thead><tr>";
  for (const auto& h : header) o << "<th>" << html_escape(h) << "</th>";
  o << "</tr></thead><tbody>";
  for (const auto& row : rows) {
    o << "<tr>";
    for (const auto& c : row) {
      if (c.css_class.empty())
        o << "<td>";
      else
        o << "<td class=\"" << html_escape(c.css_class) << "\">";
      o << html_escape(c.text) << "</td>";
    }
    o << "</tr>";
  }
  o << "</tbody></table>";
  return o.str();
}

std::string html_cards(const std::vector<Card>& cards) {
  std::ostringstream o;
  o << "<div class=\"cards\">";
  for (const auto& c : cards)
    o << "<div class=\"card\"><div class=\"label\">" << html_escape(c.label) << "</div><div class=\"value\">"
      << html_escape(c.value) << "</div><div class=\"note\">" << html_escape(c.note) << "</div></div>";
  o << "</div>";
  return o.str();
}

HtmlDocument::HtmlDocument(std::string title, std::string subtitle)
    : title_(std::move(title)), subtitle_(std::move(subtitle)) {}

void HtmlDocument::section(const std::string& id, const std::string& heading, const std::string& lead_html) {
  Section s{id, heading, {}};
  if (!lead_html.empty()) s.body = "<p class=\"lead\">" + lead_html + "</p>";
  sections_.push_back(std::move(s));
}

void HtmlDocument::html(const std::string& markup) {
  if (sections_.empty()) section("overview", "Overview");
  sections_.back().body += markup;
}

void HtmlDocument::paragraph(const std::string& text) { html("<p>" + html_escape(text) + "</p>"); }

void HtmlDocument::chart(nlohmann::json spec, const std::string& caption, const std::string& renderer) {
  const std::string id = "chart-" + std::to_string(charts_.size() + 1);
  html("<figure class=\"chart\"><div id=\"" + id + "\" class=\"vega\"></div><figcaption>" +
       html_escape(caption) + "</figcaption></figure>");
  charts_.push_back({{"id", id}, {"renderer", renderer}, {"spec", std::move(spec)}});
}

void HtmlDocument::footer(const std::string& markup) { footer_ += markup; }

std::string HtmlDocument::render(const VegaAssets& a) const {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << html_escape(title_) << "</title>\n<style>" << kStyle << "</style>\n"
    << "<script>" << kErrorRecorder << "</script>\n"
    << "<!-- vega " << html_escape(a.vega_version) << " -->\n<script>" << script_safe_js(a.vega)
    << "</script>\n"
    << "<!-- vega-lite " << html_escape(a.vega_lite_version) << " -->\n<script>"
    << script_safe_js(a.vega_lite) << "</script>\n"
    << "<!-- vega-embed " << html_escape(a.vega_embed_version) << " -->\n<script>"
    << script_safe_js(a.vega_embed) << "</script>\n</head>\n<body>\n"
    << "<header class=\"top\"><h1>" << html_escape(title_) << "</h1><div class=\"sub\">"
    << html_escape(subtitle_) << "</div><nav class=\"toc\">";
  for (const auto& s : sections_)
    o << "<a href=\"#" << html_escape(s.id) << "\">" << html_escape(s.heading) << "</a>";
  o << "</nav></header>\n"
    << "<div id=\"report-status\" data-status=\"pending\" style=\"display:none\"></div>\n<main>\n";
  for (const auto& s : sections_)
    o << "<section id=\"" << html_escape(s.id) << "\"><h2>" << html_escape(s.heading) << "</h2>" << s.body
      << "</section>\n";
  o << "</main>\n<footer>" << footer_ << "<p>Charts drawn with Vega " << html_escape(a.vega_version)
    << ", Vega-Lite " << html_escape(a.vega_lite_version) << " and vega-embed "
    << html_escape(a.vega_embed_version) << ", inlined: this file needs no network.</p></footer>\n"
    << "<script type=\"application/json\" id=\"vicsim-charts\">" << script_safe_json(charts_) << "</script>\n"
    << "<script>" << kRenderScript << "</script>\n</body>\n</html>\n";
  return o.str();
}

}  // namespace vicsim::reports
