#include "reports/platform_report.hpp"

#include <algorithm>
#include <cmath>

#include "reports/platform_hierarchy_svg.hpp"
#include "reports/vega_specs.hpp"

namespace vicsim::reports {

using nlohmann::json;

void add_platform_sections(HtmlDocument& doc, const RunDirectory& run) {
  if (!run.platforms) return;
  const CsvTable& t = *run.platforms;
  doc.section("platforms", "Platforms",
              "Each platform month by month (platforms.csv): how many firms are members and the transaction "
              "fee they pay (after any supervision cap). A line starts when its platform launches and ends "
              "if it fails.");
  if (!t.has("tick") || !t.has("platform") || t.rows() == 0) {
    doc.paragraph("platforms.csv has no rows with a tick and a platform, so there is nothing to draw.");
    return;
  }
  if (const std::string svg = platform_hierarchy_svg(t); !svg.empty()) {
    doc.html("<figure>" + svg +
             "<figcaption>The platform hierarchy in the last month (platforms.csv <code>level</code>, "
             "<code>parent</code>, "
             "<code>interconnected</code>): the 1+N middle platform on top, then regional surfaces, industry "
             "lines and "
             "enterprise points. Solid links: a platform and the one above it (docs/ODD.md 7.51); dotted: "
             "connected to the middle platform; blue boxes: founded during the run; grey dashed boxes: "
             "exited.</figcaption></figure>");
  }
  const auto ticks = t.numbers("tick");
  const auto names = t.texts("platform");
  const auto alive = t.has("alive") ? t.numbers("alive") : std::vector<double>(t.rows(), 1.0);
  std::vector<std::string> platforms;
  for (const auto& n : names)
    if (std::find(platforms.begin(), platforms.end(), n) == platforms.end()) platforms.push_back(n);
  json rows = json::array();
  std::vector<std::string> order;
  struct Panel {
    const char* column;
    const char* label;
    double scale;
  };
  for (const auto& [column, label, scale] :
       {Panel{"members", "members (firms)", 1.0}, Panel{"transaction_fee", "transaction fee (%)", 100.0}}) {
    if (!t.has(column)) continue;
    order.push_back(label);
    const auto v = t.numbers(column);
    for (std::size_t r = 0; r < t.rows(); ++r)
      if (alive[r] > 0.5 && std::isfinite(v[r]) && std::isfinite(ticks[r]))
        rows.push_back({{"kpi", label}, {"series", names[r]}, {"tick", ticks[r]}, {"value", v[r] * scale}});
  }
  if (rows.empty()) {
    doc.paragraph("No platform was alive in any month of platforms.csv with members or a transaction fee.");
    return;
  }
  doc.chart(vega::series_small_multiples(std::move(rows), order, platforms, "platform", 2),
            "Members and transaction fee of each platform per month, one colour per platform (platforms.csv; "
            "every column is described in docs/outputs.md).");
}

}  // namespace vicsim::reports
