#include "reports/vega_specs.hpp"

namespace vicsim::reports::vega {

const char* const kNumberLabelExpr =
    "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '.3~g') + ' bn' : abs(datum.value) >= 1e6 ? "
    "format(datum.value / 1e6, '.3~g') + ' M' : abs(datum.value) >= 1e3 ? format(datum.value, ',.0f') : "
    "format(datum.value, '.3~g')";

namespace {

const char* const kSchema = "https://vega.github.io/schema/vega-lite/v6.json";

json config() {
  return {
      {"font", "DejaVu Sans, system-ui, sans-serif"},
      {"view", {{"stroke", "#d9e2ec"}}},
      {"axis",
       {{"labelColor", "#52606d"},
        {"titleColor", "#334e68"},
        {"gridColor", "#edf1f5"},
        {"domainColor", "#9fb3c8"},
        {"tickColor", "#9fb3c8"},
        {"labelFontSize", 11},
        {"titleFontSize", 12},
        {"titleFontWeight", "normal"}}},
      {"header",
       {{"labelFontSize", 13}, {"labelFontWeight", "bold"}, {"labelColor", "#1f2933"}, {"labelLimit", 250}}},
      {"legend", {{"labelFontSize", 12}, {"titleFontSize", 12}, {"orient", "top"}}},
      {"title", {{"fontSize", 14}, {"color", "#1f2933"}, {"anchor", "start"}}}};
}

json base() { return {{"$schema", kSchema}, {"config", config()}}; }

json facet_header(const std::vector<std::string>& order) {
  return {{"field", "kpi"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
}

/** A faceted chart: one `spec` panel per KPI, panels in `order`, wrapped after `columns`. */
json faceted(json rows, const std::vector<std::string>& order, int columns, json spec) {
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["facet"] = facet_header(order);
  s["columns"] = columns;
  s["spec"] = std::move(spec);
  // Every panel gets its own x axis, so a short last row leaves no orphaned axes below empty cells.
  s["resolve"] = {{"axis", {{"x", "independent"}}}};
  return s;
}

json y_value(const std::string& field) {
  return {{"field", field},
          {"type", "quantitative"},
          {"title", nullptr},
          {"scale", {{"zero", false}}},
          {"axis", {{"labelExpr", kNumberLabelExpr}, {"tickCount", 4}}}};
}

/** Adds a dotted vertical rule at `tick` to a faceted layered chart (nothing if NaN). */
json with_marker(json s, double tick) {
  if (std::isfinite(tick))
    s["spec"]["layer"].push_back({{"mark", {{"type", "rule"}, {"color", "#102a43"}, {"strokeDash", {2, 3}}}},
                                  {"encoding", {{"x", {{"datum", tick}, {"type", "quantitative"}}}}}});
  return s;
}

const std::vector<std::string> kArmColours = {"#e8590c", "#1f77b4", "#2f9e44", "#7048e8"};

}  // namespace

json kpi_small_multiples(json rows, const std::vector<std::string>& order, int columns) {
  json s = faceted(std::move(rows), order, columns,
                   {{"width", 215},
                    {"height", 120},
                    {"mark", {{"type", "line"}, {"strokeWidth", 2}, {"color", "#1f77b4"}}},
                    {"encoding",
                     {{"x", {{"field", "tick"}, {"type", "quantitative"}, {"title", "month"}}},
                      {"y", y_value("value")},
                      {"tooltip",
                       {{{"field", "kpi"}, {"type", "nominal"}},
                        {{"field", "tick"}, {"type", "quantitative"}, {"title", "month"}},
                        {{"field", "value"}, {"type", "quantitative"}, {"format", ",.4~g"}}}}}}});
  s["resolve"]["scale"] = {{"y", "independent"}};
  return s;
}

json series_small_multiples(json rows, const std::vector<std::string>& order,
                            const std::vector<std::string>& series, const std::string& series_title,
                            int columns) {
  json s = faceted(std::move(rows), order, columns,
                   {{"width", 300},
                    {"height", 150},
                    {"mark", {{"type", "line"}, {"strokeWidth", 2}}},
                    {"encoding",
                     {{"x", {{"field", "tick"}, {"type", "quantitative"}, {"title", "month"}}},
                      {"y", y_value("value")},
                      {"color",
                       {{"field", "series"},
                        {"type", "nominal"},
                        {"title", series_title},
                        {"scale", {{"domain", series}, {"scheme", "tableau10"}}}}},
                      {"tooltip",
                       {{{"field", "series"}, {"type", "nominal"}, {"title", series_title}},
                        {{"field", "kpi"}, {"type", "nominal"}},
                        {{"field", "tick"}, {"type", "quantitative"}, {"title", "month"}},
                        {{"field", "value"}, {"type", "quantitative"}, {"format", ",.4~g"}}}}}}});
  s["resolve"]["scale"] = {{"y", "independent"}};
  return s;
}

json stage_timeline(json segments, double last_tick) {
  json s = base();
  s["data"] = {{"values", std::move(segments)}};
  s["width"] = 940;
  s["height"] = {{"step", 42}};
  const json x = {{"field", "start"},
                  {"type", "quantitative"},
                  {"title", "month"},
                  {"scale", {{"domain", {0, last_tick}}, {"nice", false}}}};
  const json y = {{"field", "track"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}};
  s["layer"] = {
      {{"mark", {{"type", "bar"}, {"cornerRadius", 3}, {"height", {{"band", 0.72}}}}},
       {"encoding",
        {{"x", x},
         {"x2", {{"field", "end"}}},
         {"y", y},
         {"color",
          {{"field", "level"},
           {"type", "ordinal"},
           {"legend", nullptr},
           {"scale", {{"domain", {0, 1, 2, 3}}, {"range", {"#d9e2ec", "#9ecae1", "#4292c6", "#08519c"}}}}}},
         {"tooltip",
          {{{"field", "track"}, {"type", "nominal"}},
           {{"field", "stage"}, {"type", "nominal"}},
           {{"field", "from"}, {"type", "quantitative"}, {"title", "from month"}},
           {{"field", "to"}, {"type", "quantitative"}, {"title", "to month"}}}}}}},
      {{"transform",
        {{{"filter", "datum.end - datum.start >= " + std::to_string(last_tick / 14.0)}},
         {{"calculate", "(datum.start + datum.end) / 2"}, {"as", "mid"}}}},
       {"mark", {{"type", "text"}, {"fontSize", 11}}},
       {"encoding",
        {{"x", {{"field", "mid"}, {"type", "quantitative"}}},
         {"y", y},
         {"text", {{"field", "stage"}, {"type", "nominal"}}},
         {"color",
          {{"condition", {{"test", "datum.level >= 2"}, {"value", "white"}}}, {"value", "#102a43"}}}}}}};
  return s;
}

json network_map(json nodes, json edges, json regions, const std::vector<double>& domain,
                 const std::vector<std::string>& industries, const std::string& title) {
  const double width = 520, height = width * (domain[3] - domain[2]) / (domain[1] - domain[0]);
  const double px = width / (domain[1] - domain[0]);
  for (auto& r : regions) {
    const double rad = r["r"].get<double>() * px;
    r["area"] = 4 * rad * rad;  // a symbol's size is the area of its bounding box
    r["ly"] = r["y"].get<double>() + r["r"].get<double>() + 0.012;
  }
  const json xs = {
      {"type", "quantitative"}, {"scale", {{"domain", {domain[0], domain[1]}}}}, {"axis", nullptr}};
  const json ys = {
      {"type", "quantitative"}, {"scale", {{"domain", {domain[2], domain[3]}}}}, {"axis", nullptr}};
  auto at = [](json enc, const std::string& field) {
    enc["field"] = field;
    return enc;
  };
  json s = base();
  s["title"] = title;
  s["width"] = width;
  s["height"] = height;
  s["datasets"] = {{"nodes", std::move(nodes)}};
  s["layer"] = {
      {{"data", {{"values", regions}}},
       {"mark", {{"type", "circle"}, {"color", "#bcccdc"}, {"opacity", 0.25}}},
       {"encoding",
        {{"x", at(xs, "x")},
         {"y", at(ys, "y")},
         {"size", {{"field", "area"}, {"type", "quantitative"}, {"scale", nullptr}}}}}},
      {{"data", {{"values", std::move(edges)}}},
       {"transform",
        {{{"lookup", "s"},
          {"from", {{"data", {{"name", "nodes"}}}, {"key", "id"}, {"fields", {"x", "y"}}}},
          {"as", {"sx", "sy"}}},
         {{"lookup", "t"},
          {"from", {{"data", {{"name", "nodes"}}}, {"key", "id"}, {"fields", {"x", "y"}}}},
          {"as", {"tx", "ty"}}},
         {{"calculate", "datum.c ? 'across regions' : 'within region'"}, {"as", "tie"}}}},
       {"mark", {{"type", "rule"}, {"strokeWidth", 0.6}}},
       {"encoding",
        {{"x", at(xs, "sx")},
         {"y", at(ys, "sy")},
         {"x2", {{"field", "tx"}}},
         {"y2", {{"field", "ty"}}},
         {"color",
          {{"field", "tie"},
           {"type", "nominal"},
           {"title", "ties"},
           {"legend", {{"symbolStrokeWidth", 3}, {"symbolOpacity", 1}}},
           {"scale", {{"domain", {"within region", "across regions"}}, {"range", {"#829ab1", "#e8590c"}}}}}},
         {"opacity", {{"condition", {{"test", "datum.c"}, {"value", 0.3}}}, {"value", 0.14}}}}}},
      {{"data", {{"name", "nodes"}}},
       {"mark", {{"type", "circle"}, {"stroke", "white"}, {"strokeWidth", 0.4}, {"opacity", 0.9}}},
       {"encoding",
        {{"x", at(xs, "x")},
         {"y", at(ys, "y")},
         {"color",
          {{"field", "industry"},
           {"type", "nominal"},
           {"title", "industry"},
           {"scale", {{"domain", industries}, {"scheme", "tableau10"}}}}},
         {"size",
          {{"field", "employees"},
           {"type", "quantitative"},
           {"title", "employees"},
           {"scale", {{"type", "sqrt"}, {"range", {5, 90}}}},
           {"legend", nullptr}}},
         {"tooltip",
          {{{"field", "label"}, {"type", "nominal"}, {"title", "firm"}},
           {{"field", "region"}, {"type", "nominal"}},
           {{"field", "industry"}, {"type", "nominal"}},
           {{"field", "stage"}, {"type", "nominal"}, {"title", "value-chain stage"}},
           {{"field", "employees"}, {"type", "quantitative"}, {"format", ",.0f"}}}}}}},
      {{"data", {{"values", regions}}},
       {"mark",
        {{"type", "text"},
         {"fontWeight", "bold"},
         {"fontSize", 12},
         {"baseline", "bottom"},
         {"color", "#243b53"}}},
       {"encoding",
        {{"x", at(xs, "x")}, {"y", at(ys, "ly")}, {"text", {{"field", "name"}, {"type", "nominal"}}}}}}};
  s["resolve"] = {{"scale", {{"color", "independent"}}}};
  return s;
}

json band_small_multiples(json rows, const std::vector<std::string>& order,
                          const std::vector<std::string>& arms, int columns, const std::string& x_title,
                          double marker_tick) {
  std::vector<std::string> colours;
  for (std::size_t i = 0; i < arms.size(); ++i) colours.push_back(kArmColours[i % kArmColours.size()]);
  const json colour = {{"field", "arm"},
                       {"type", "nominal"},
                       {"title", nullptr},
                       {"scale", {{"domain", arms}, {"range", colours}}}};
  const json x = {{"field", "tick"}, {"type", "quantitative"}, {"title", x_title}};
  json s = faceted(
      std::move(rows), order, columns,
      {{"width", 215},
       {"height", 130},
       {"layer",
        {{{"mark", {{"type", "area"}, {"opacity", 0.22}}},
          {"encoding", {{"x", x}, {"y", y_value("low")}, {"y2", {{"field", "high"}}}, {"color", colour}}}},
         {{"mark", {{"type", "line"}, {"strokeWidth", 2}}},
          {"encoding",
           {{"x", x},
            {"y", y_value("mean")},
            {"color", colour},
            {"tooltip",
             {{{"field", "arm"}, {"type", "nominal"}},
              {{"field", "tick"}, {"type", "quantitative"}},
              {{"field", "mean"}, {"type", "quantitative"}, {"format", ",.4~g"}},
              {{"field", "low"}, {"type", "quantitative"}, {"format", ",.4~g"}, {"title", "95% CI low"}},
              {{"field", "high"},
               {"type", "quantitative"},
               {"format", ",.4~g"},
               {"title", "95% CI high"}}}}}}}}}});
  s["resolve"]["scale"] = {{"y", "independent"}};
  return with_marker(std::move(s), marker_tick);
}

json difference_small_multiples(json rows, const std::vector<std::string>& order, int columns,
                                const std::string& x_title, double marker_tick) {
  const json x = {{"field", "tick"}, {"type", "quantitative"}, {"title", x_title}};
  json s = faceted(std::move(rows), order, columns,
                   {{"width", 215},
                    {"height", 120},
                    {"layer",
                     {{{"mark", {{"type", "area"}, {"opacity", 0.25}, {"color", "#1f77b4"}}},
                       {"encoding", {{"x", x}, {"y", y_value("low")}, {"y2", {{"field", "high"}}}}}},
                      {{"mark", {{"type", "line"}, {"strokeWidth", 2}, {"color", "#1f77b4"}}},
                       {"encoding",
                        {{"x", x},
                         {"y", y_value("diff")},
                         {"tooltip",
                          {{{"field", "tick"}, {"type", "quantitative"}},
                           {{"field", "diff"}, {"type", "quantitative"}, {"format", ",.4~g"}},
                           {{"field", "low"}, {"type", "quantitative"}, {"format", ",.4~g"}},
                           {{"field", "high"}, {"type", "quantitative"}, {"format", ",.4~g"}}}}}}},
                      {{"mark", {{"type", "rule"}, {"color", "#52606d"}, {"strokeDash", {4, 3}}}},
                       {"encoding", {{"y", {{"datum", 0}, {"type", "quantitative"}}}}}}}}});
  s["resolve"]["scale"] = {{"y", "independent"}};
  return with_marker(std::move(s), marker_tick);
}

json effect_size_chart(json rows, const std::string& x_title) {
  const json y = {{"field", "kpi"},
                  {"type", "nominal"},
                  {"title", nullptr},
                  {"sort", {{"field", "d"}, {"order", "descending"}}}};
  const json colour = {
      {"field", "direction"},
      {"type", "nominal"},
      {"title", nullptr},
      {"scale",
       {{"domain", {"better in B", "worse in B", "different (no better direction)", "no clear difference"}},
        {"range", {"#2f9e44", "#d9480f", "#1f77b4", "#9fb3c8"}}}}};
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["width"] = 620;
  s["height"] = {{"step", 22}};
  s["layer"] = {
      {{"mark", {{"type", "rule"}, {"strokeWidth", 2}}},
       {"encoding",
        {{"y", y},
         {"x",
          {{"field", "low"}, {"type", "quantitative"}, {"title", x_title}, {"scale", {{"type", "symlog"}}}}},
         {"x2", {{"field", "high"}}},
         {"color", colour}}}},
      {{"mark", {{"type", "point"}, {"filled", true}, {"size", 70}}},
       {"encoding",
        {{"y", y},
         {"x", {{"field", "d"}, {"type", "quantitative"}}},
         {"color", colour},
         {"tooltip",
          {{{"field", "kpi"}, {"type", "nominal"}},
           {{"field", "d"}, {"type", "quantitative"}, {"format", ".3~g"}},
           {{"field", "low"}, {"type", "quantitative"}, {"format", ".3~g"}},
           {{"field", "high"}, {"type", "quantitative"}, {"format", ".3~g"}}}}}}},
      {{"mark", {{"type", "rule"}, {"color", "#52606d"}, {"strokeDash", {4, 3}}}},
       {"encoding", {{"x", {{"datum", 0}, {"type", "quantitative"}}}}}}};
  return s;
}

json waterfall_chart(json rows, const std::string& y_title) {
  const json x = {{"field", "label"},
                  {"type", "nominal"},
                  {"title", nullptr},
                  {"sort", {{"field", "step"}, {"order", "ascending"}}},
                  {"axis", {{"labelAngle", -30}}}};
  const json colour = {{"field", "kind"},
                       {"type", "nominal"},
                       {"title", nullptr},
                       {"scale",
                        {{"domain", {"increase", "decrease", "unexplained", "total"}},
                         {"range", {"#2f9e44", "#d9480f", "#9fb3c8", "#1f77b4"}}}}};
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["width"] = {{"step", 56}};
  s["height"] = 240;
  s["layer"] = {
      {{"mark", {{"type", "bar"}, {"width", {{"band", 0.7}}}}},
       {"encoding",
        {{"x", x},
         {"y", {{"field", "start"}, {"type", "quantitative"}, {"title", y_title}}},
         {"y2", {{"field", "end"}}},
         {"color", colour},
         {"tooltip",
          {{{"field", "label"}, {"type", "nominal"}},
           {{"field", "contribution"}, {"type", "quantitative"}, {"format", ".3~g"}},
           {{"field", "ci_low"}, {"type", "quantitative"}, {"format", ".3~g"}},
           {{"field", "ci_high"}, {"type", "quantitative"}, {"format", ".3~g"}}}}}}},
      {{"mark", {{"type", "rule"}, {"color", "#323f4b"}}},
       {"encoding",
        {{"x", x}, {"y", {{"field", "low"}, {"type", "quantitative"}}}, {"y2", {{"field", "high"}}}}}},
      {{"mark", {{"type", "rule"}, {"color", "#52606d"}, {"strokeDash", {4, 3}}}},
       {"encoding", {{"y", {{"datum", 0}, {"type", "quantitative"}}}}}}};
  return s;
}

json spending_chart(json rows) {
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["width"] = 640;
  s["height"] = 220;
  s["mark"] = {{"type", "area"}, {"opacity", 0.85}};
  s["encoding"] = {{"x", {{"field", "tick"}, {"type", "quantitative"}, {"title", "month"}}},
                   {"y",
                    {{"field", "cumulative_spend"},
                     {"type", "quantitative"},
                     {"stack", "zero"},
                     {"title", "cumulative spending (yuan)"},
                     {"axis", {{"labelExpr", kNumberLabelExpr}}}}},
                   {"color", {{"field", "policy"}, {"type", "nominal"}, {"title", "policy"}}},
                   {"tooltip",
                    {{{"field", "policy"}, {"type", "nominal"}},
                     {{"field", "tick"}, {"type", "quantitative"}},
                     {{"field", "cumulative_spend"}, {"type", "quantitative"}, {"format", ",.0f"}}}}};
  return s;
}

json morris_chart(json rows, const std::vector<std::string>& kpis, int columns) {
  // Padding keeps the factor labels of the largest effects inside the panel.
  const json x = {{"field", "mu_star"},
                  {"type", "quantitative"},
                  {"title", "μ* (mean |elementary effect|)"},
                  {"scale", {{"padding", 30}, {"domainMin", 0}}}};
  const json y = {{"field", "sigma"}, {"type", "quantitative"}, {"title", "σ (interaction / non-linearity)"}};
  json s = faceted(
      std::move(rows), kpis, columns,
      {{"width", 230},
       {"height", 220},
       {"layer",
        {{{"mark", {{"type", "point"}, {"filled", true}, {"size", 80}, {"color", "#1f77b4"}}},
          {"encoding",
           {{"x", x},
            {"y", y},
            {"tooltip",
             {{{"field", "factor"}, {"type", "nominal"}},
              {{"field", "mu_star"}, {"type", "quantitative"}, {"format", ".3~g"}},
              {{"field", "sigma"}, {"type", "quantitative"}, {"format", ".3~g"}}}}}}},
         {{"mark",
           {{"type", "text"}, {"align", "center"}, {"dy", -10}, {"fontSize", 11}, {"color", "#243b53"}}},
          {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "factor"}, {"type", "nominal"}}}}}}}}});
  s["resolve"]["scale"] = {{"x", "independent"}, {"y", "independent"}};
  return s;
}

json sobol_chart(json rows, const std::vector<std::string>& kpis, int columns) {
  const json x = {
      {"field", "factor"}, {"type", "nominal"}, {"title", nullptr}, {"axis", {{"labelAngle", -30}}}};
  const json off = {{"field", "index"}, {"type", "nominal"}, {"sort", {"S1", "ST"}}};
  const json colour = {{"field", "index"},
                       {"type", "nominal"},
                       {"title", "Sobol index"},
                       {"scale", {{"domain", {"S1", "ST"}}, {"range", {"#4292c6", "#08519c"}}}}};
  json s =
      faceted(std::move(rows), kpis, columns,
              {{"width", 320},
               {"height", 200},
               {"layer",
                {{{"mark", {{"type", "bar"}}},
                  {"encoding",
                   {{"x", x},
                    {"xOffset", off},
                    {"y", {{"field", "value"}, {"type", "quantitative"}, {"title", "share of variance"}}},
                    {"color", colour},
                    {"tooltip",
                     {{{"field", "factor"}, {"type", "nominal"}},
                      {{"field", "index"}, {"type", "nominal"}},
                      {{"field", "value"}, {"type", "quantitative"}, {"format", ".3f"}},
                      {{"field", "low"}, {"type", "quantitative"}, {"format", ".3f"}},
                      {{"field", "high"}, {"type", "quantitative"}, {"format", ".3f"}}}}}}},
                 {{"mark", {{"type", "rule"}, {"color", "#102a43"}}},
                  {"encoding",
                   {{"x", x},
                    {"xOffset", off},
                    {"y", {{"field", "low"}, {"type", "quantitative"}}},
                    {"y2", {{"field", "high"}}}}}}}}});
  return s;
}

json prim_chart(json rows) {
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["facet"] = {{"row",
                 {{"field", "box"},
                  {"type", "nominal"},
                  {"title", nullptr},
                  {"header", {{"labelAngle", 0}, {"labelAlign", "left"}}}}}};
  s["spec"] = {{"width", 520},
               {"height", {{"step", 20}}},
               {"layer",
                {{{"mark", {{"type", "bar"}, {"color", "#edf1f5"}}},
                  {"encoding",
                   {{"y", {{"field", "factor"}, {"type", "nominal"}, {"title", nullptr}}},
                    {"x",
                     {{"datum", 0},
                      {"type", "quantitative"},
                      {"scale", {{"domain", {0, 1}}}},
                      {"title", "position in the factor's sampled range"}}},
                    {"x2", {{"datum", 1}}}}}},
                 {{"mark", {{"type", "bar"}, {"color", "#1f77b4"}, {"cornerRadius", 2}}},
                  {"encoding",
                   {{"y", {{"field", "factor"}, {"type", "nominal"}}},
                    {"x",
                     {{"field", "low"},
                      {"type", "quantitative"},
                      {"title", "position in the factor's sampled range"}}},
                    {"x2", {{"field", "high"}}},
                    {"tooltip",
                     {{{"field", "factor"}, {"type", "nominal"}},
                      {{"field", "range"}, {"type", "nominal"}, {"title", "restricted to"}}}}}}}}}};
  return s;
}

json parallel_coordinates(json rows, const std::vector<std::string>& axes, const std::string& colour_by) {
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["width"] = 940;
  s["height"] = 320;
  json transform = json::array();
  transform.push_back({{"window", {{{"op", "count"}, {"as", "line_id"}}}}});
  transform.push_back({{"calculate", "datum['" + colour_by + "']"}, {"as", "colour_value"}});
  transform.push_back({{"fold", axes}});
  transform.push_back({{"joinaggregate",
                        {{{"op", "min"}, {"field", "value"}, {"as", "min"}},
                         {{"op", "max"}, {"field", "value"}, {"as", "max"}}}},
                       {"groupby", {"key"}}});
  transform.push_back(
      {{"calculate", "datum.max > datum.min ? (datum.value - datum.min) / (datum.max - datum.min) : 0.5"},
       {"as", "norm"}});
  s["transform"] = transform;
  s["mark"] = {{"type", "line"}, {"opacity", 0.45}, {"strokeWidth", 1.2}};
  s["encoding"] = {{"x",
                    {{"field", "key"},
                     {"type", "nominal"},
                     {"sort", axes},
                     {"title", nullptr},
                     {"axis", {{"labelAngle", 0}, {"grid", true}, {"labelLimit", 140}}}}},
                   {"y",
                    {{"field", "norm"},
                     {"type", "quantitative"},
                     {"title", "min → max of each axis"},
                     {"axis", {{"format", ".0%"}}}}},
                   {"detail", {{"field", "line_id"}, {"type", "nominal"}}},
                   {"color",
                    {{"field", "colour_value"},
                     {"type", "quantitative"},
                     {"title", colour_by},
                     {"scale", {{"scheme", "viridis"}}}}},
                   {"tooltip",
                    {{{"field", "key"}, {"type", "nominal"}},
                     {{"field", "value"}, {"type", "quantitative"}, {"format", ".4~g"}}}}};
  s["config"]["legend"]["orient"] = "right";
  return s;
}

json scatter_matrix(json rows, const std::vector<std::string>& factors,
                    const std::vector<std::string>& kpis) {
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["repeat"] = {{"row", kpis}, {"column", factors}};
  s["spec"] = {
      {"width", 170},
      {"height", 130},
      {"mark", {{"type", "point"}, {"filled", true}, {"size", 14}, {"opacity", 0.55}, {"color", "#1f77b4"}}},
      {"encoding",
       {{"x", {{"field", {{"repeat", "column"}}}, {"type", "quantitative"}, {"scale", {{"zero", false}}}}},
        {"y",
         {{"field", {{"repeat", "row"}}},
          {"type", "quantitative"},
          {"scale", {{"zero", false}}},
          {"axis", {{"labelExpr", kNumberLabelExpr}, {"tickCount", 4}}}}}}}};
  return s;
}

json calibration_trace_chart(json rows) {
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["width"] = 880;
  s["height"] = 260;
  const json x = {{"field", "eval"}, {"type", "quantitative"}, {"title", "evaluation"}};
  const json y = {{"field", "objective"},
                  {"type", "quantitative"},
                  {"title", "objective"},
                  {"scale", {{"type", "symlog"}, {"constant", 0.001}}}};
  s["layer"] = {{{"mark", {{"type", "point"}, {"filled", true}, {"size", 40}}},
                 {"encoding",
                  {{"x", x},
                   {"y", y},
                   {"color",
                    {{"field", "stage"},
                     {"type", "nominal"},
                     {"title", "stage"},
                     {"scale",
                      {{"domain", {"fit", "refit", "profile", "hessian"}},
                       {"range", {"#1f77b4", "#e8590c", "#2f9e44", "#9c36b5"}}}}}},
                   {"tooltip",
                    {{{"field", "eval"}, {"type", "quantitative"}},
                     {{"field", "stage"}, {"type", "nominal"}},
                     {{"field", "block"}, {"type", "quantitative"}, {"title", "seed block"}},
                     {{"field", "objective"}, {"type", "quantitative"}, {"format", ".4~g"}}}}}}},
                {{"transform", {{{"filter", "datum.best != null"}}}},
                 {"mark", {{"type", "line"}, {"color", "#102a43"}, {"interpolate", "step-after"}}},
                 {"encoding", {{"x", x}, {"y", {{"field", "best"}, {"type", "quantitative"}}}}}}};
  return s;
}

json calibration_profile_chart(json rows, const std::vector<std::string>& order, int columns) {
  json s = base();
  s["data"] = {{"values", std::move(rows)}};
  s["facet"] = {{"field", "parameter"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
  s["columns"] = columns;
  s["resolve"] = {{"axis", {{"x", "independent"}}}, {"scale", {{"x", "independent"}}}};
  const json x = {{"field", "value"},
                  {"type", "quantitative"},
                  {"title", "parameter value"},
                  {"scale", {{"zero", false}}}};
  const json y = {
      {"field", "objective"}, {"type", "quantitative"}, {"title", "objective"}, {"scale", {{"zero", false}}}};
  s["spec"] = {
      {"width", 280},
      {"height", 160},
      {"layer",
       {{{"mark", {{"type", "line"}, {"point", true}, {"color", "#1f77b4"}}},
         {"encoding",
          {{"x", x},
           {"y", y},
           {"tooltip",
            {{{"field", "value"}, {"type", "quantitative"}, {"format", ".4~g"}},
             {{"field", "objective"}, {"type", "quantitative"}, {"format", ".4~g"}}}}}}},
        {{"transform", {{{"filter", "datum.fitted"}}}},
         {"mark",
          {{"type", "point"}, {"shape", "diamond"}, {"size", 120}, {"color", "#e8590c"}, {"filled", true}}},
         {"encoding", {{"x", x}, {"y", y}}}}}}};
  return s;
}

}  // namespace vicsim::reports::vega
