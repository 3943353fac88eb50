// Run-directory readers: GraphML attributes as written by reports/.
#include <catch2/catch.hpp>

#include "viz/graphml_reader.hpp"

using namespace vicsim::viz;

TEST_CASE("graphml_reader: attributes by name, edges by node index, bad input named", "[viz]") {
  const std::string doc = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="key0" for="node" attr.name="region" attr.type="string" />
  <key id="key1" for="node" attr.name="platforms" attr.type="string" />
  <key id="key2" for="edge" attr.name="kind" attr.type="string" />
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="key0">Foshan</data><data key="key1">0;2</data></node>
    <node id="n1"><data key="key0">Wuhan</data></node>
    <edge id="e0" source="n1" target="n0"><data key="key2">collaboration</data></edge>
  </graph>
</graphml>)";
  const auto g = parse_graphml(doc, "t.graphml");
  REQUIRE(g.nodes.size() == 2);
  CHECK(g.nodes[0].at("region") == "Foshan");
  CHECK(g.nodes[0].at("platforms") == "0;2");
  CHECK(g.nodes[1].count("platforms") == 0);
  REQUIRE(g.edges.size() == 1);
  CHECK(g.edges[0].source == 1);
  CHECK(g.edges[0].target == 0);
  CHECK(g.edges[0].attrs.at("kind") == "collaboration");
  CHECK_THROWS_WITH(parse_graphml("<graphml><graph>", "bad.graphml"), Catch::Contains("bad.graphml"));
  CHECK_THROWS_WITH(read_graphml_file("/nonexistent/x.graphml"), Catch::Contains("cannot open"));
}
