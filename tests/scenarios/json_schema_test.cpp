#include "scenarios/json_schema.hpp"

#include <catch2/catch.hpp>

#include "scenarios/scenario_loader.hpp"

using namespace vicsim::scenarios;

TEST_CASE("json_schema: keys, ranges, defaults and required keys come from the describe() declarations",
          "[scenarios]") {
  const auto schema = scenario_json_schema();
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  const auto& s = schema["else"];  // a full scenario; "then" is the merge-patch form of an extending file
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
  for (const char* key : {"extends", "overrides", "regions_csv", "firms_csv", "_notes"})
    CHECK(s["properties"].contains(key));
  // In an extending file a key may be null (a merge-patch deletion) and nothing is required, but the items
  // of an array, which replaces the base's, are as strict as ever.
  const auto& patch = schema["then"];
  CHECK_FALSE(patch.contains("required"));
  CHECK(patch["properties"]["platforms"]["anyOf"][1]["type"] == "null");
  CHECK(patch["properties"]["mechanisms"]["anyOf"][0]["properties"]["trade"]["anyOf"][0]["properties"]
             ["enabled"]["anyOf"][1]["type"] == "null");
  CHECK(patch["properties"]["regions"]["anyOf"][0]["items"]["required"] == nlohmann::json::array({"name"}));
  CHECK(patch["properties"]["extends"]["type"] == "string");
}
