#include "reports/html_document.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::reports;

TEST_CASE("html_document: escaping, charts as script-safe JSON, status marker, inlined libraries",
          "[reports]") {
  CHECK(html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  HtmlDocument doc("Title <b>", "sub");
  doc.section("one", "First");
  doc.paragraph("x < y");
  doc.chart({{"data", {{"values", {{{"label", "</script><script>alert(1)</script>"}}}}}}}, "caption");
  doc.chart({{"mark", "bar"}}, "second", "canvas");
  CHECK(doc.charts() == 2);
  VegaAssets assets;
  assets.vega = "var vega={};/* a '</script>' in a library */";
  assets.vega_lite = "var vegaLite={};";
  assets.vega_embed = "function vegaEmbed(){}";
  const std::string html = doc.render(assets);
  CHECK(html.find("<title>Title &lt;b&gt;</title>") != std::string::npos);
  CHECK(html.find("<p>x &lt; y</p>") != std::string::npos);
  CHECK(html.find("id=\"chart-1\"") != std::string::npos);
  CHECK(html.find("id=\"chart-2\"") != std::string::npos);
  CHECK(html.find("\"renderer\":\"canvas\"") != std::string::npos);
  CHECK(html.find("id=\"report-status\" data-status=\"pending\"") != std::string::npos);
  CHECK(html.find("href=\"#one\"") != std::string::npos);
  // Neither the data nor the libraries can close a <script> element early.
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("'</script>' in a library") == std::string::npos);
  CHECK(html.find("\\u003c/script>\\u003cscript>alert(1)") != std::string::npos);
  CHECK(html.find("http") == html.find("http://www.w3.org"));  // no network resources at all
}
