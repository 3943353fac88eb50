#include "scenarios/json_schema.hpp"

#include <catch2/catch.hpp>

#include "scenarios/scenario_loader.hpp"

using namespace vicsim::scenarios;

TEST_CASE("json_schema: keys, ranges, defaults and required keys come from the describe() declarations",
          "[scenarios]") {
  const auto s = scenario_json_schema();
  CHECK(s["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  const auto& region = s["properties"]["regions"]["items"];
  CHECK(region["required"] == nlohmann::json::array({"name"}));
  CHECK(region["additionalProperties"] == false);
  CHECK(region["properties"]["infrastructure"]["maximum"] == 1.0);
  CHECK(region["properties"]["infrastructure"]["description"].get<std::string>().find("[0-1]") !=
        std::string::npos);
  CHECK(s["properties"]["ticks"]["type"] == "integer");
  // Every default is the loader's default: the resolved empty scenario has the same values.
  const auto defaults = to_json(Scenario{});
  const auto& trade = s["properties"]["mechanisms"]["properties"]["trade"]["properties"];
  for (const auto& [key, value] : defaults["mechanisms"]["trade"].items()) {
    INFO(key);
    CHECK(trade[key]["default"] == value);
  }
  for (const char* key : {"extends", "overrides", "regions_csv", "_notes"})
    CHECK(s["properties"].contains(key));
}
