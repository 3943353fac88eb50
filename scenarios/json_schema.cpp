#include "scenarios/json_schema.hpp"

#include <cmath>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "scenarios/scenario_extends.hpp"
#include "scenarios/scenario_schema.hpp"

namespace vicsim::scenarios {

namespace {

using nlohmann::json;

/** A describe() visitor that fills one object schema: properties, required keys, no other keys. */
class SchemaWriter {
 public:
  SchemaWriter(json& schema, bool top) : schema_(schema), top_(top) {
    schema_["type"] = "object";
    schema_["properties"] = json::object();
    schema_["additionalProperties"] = false;
  }

  template <class T>
  void field(const char* key, T& ref, const char* unit, const char* desc, double lo = -INFINITY,
             double hi = INFINITY) {
    json p = value_schema<T>(lo, hi);
    p["description"] = text(unit, desc);
    p["default"] = ref;
    schema_["properties"][key] = std::move(p);
  }
  template <class T>
  void required(const char* key, T& ref, const char* unit, const char* desc) {
    json p = value_schema<T>(-INFINITY, INFINITY);
    p["description"] = text(unit, desc);
    (void)ref;
    schema_["properties"][key] = std::move(p);
    schema_["required"].push_back(key);
  }
  template <class Spec>
  void object(const char* key, Spec& ref, const char* desc) {
    json p;
    SchemaWriter w(p, false);
    describe(w, ref);
    p["description"] = desc;
    schema_["properties"][key] = std::move(p);
  }
  template <class Spec>
  void array(const char* key, std::vector<Spec>&, const char* desc, std::size_t min_items) {
    Spec element{};
    json items;
    SchemaWriter w(items, false);
    describe(w, element);
    json p = {{"type", "array"}, {"items", std::move(items)}, {"description", desc}};
    if (min_items > 0) {
      p["minItems"] = min_items;
      if (top_)
        top_required_.push_back(key);
      else
        schema_["required"].push_back(key);
    }
    schema_["properties"][key] = std::move(p);
  }
  void map(const char* key, std::map<std::string, double>& ref, const char* unit, const char* desc, double lo,
           double hi) {
    json p = {{"type", "object"},
              {"additionalProperties", value_schema<double>(lo, hi)},
              {"description", text(unit, desc)},
              {"default", ref}};
    schema_["properties"][key] = std::move(p);
  }

  /** Arrays that need at least one item: required at the top level unless the file extends a base. */
  const std::vector<std::string>& top_required() const { return top_required_; }

 private:
  static std::string text(const char* unit, const char* desc) {
    return std::string(desc) + (unit && *unit ? " [" + std::string(unit) + "]" : "");
  }
  template <class T>
  static json value_schema(double lo, double hi) {
    json p;
    if constexpr (std::is_same_v<T, bool>) {
      p["type"] = "boolean";
    } else if constexpr (std::is_same_v<T, std::string>) {
      p["type"] = "string";
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      p["type"] = "array";
      p["items"] = {{"type", "string"}};
    } else {
      p["type"] = std::is_integral_v<T> ? "integer" : "number";
      if (std::isfinite(lo)) p["minimum"] = lo;
      if (std::isfinite(hi)) p["maximum"] = hi;
    }
    return p;
  }
  json& schema_;
  bool top_;
  std::vector<std::string> top_required_;
};

/** The schema of a file that extends a base: a JSON Merge Patch of the scenario. Object keys may be null
 * (null deletes the base's key) and no key is required; arrays replace the base's whole array, so their
 * items stay as strict as in a full scenario. */
json as_merge_patch(const json& object_schema) {
  json out = object_schema;
  out.erase("required");
  for (auto& [key, prop] : out["properties"].items()) {
    json inner =
        prop.value("type", json()) == "object" && prop.contains("properties") ? as_merge_patch(prop) : prop;
    json wrapped = {{"anyOf", json::array({std::move(inner), {{"type", "null"}}})}};
    if (prop.contains("description")) wrapped["description"] = prop["description"];
    prop = std::move(wrapped);
  }
  return out;
}

}  // namespace

json scenario_json_schema() {
  json schema;
  Scenario s;
  SchemaWriter w(schema, true);
  describe(w, s);
  auto& props = schema["properties"];
  for (const auto& k : kAuthoringKeys) {
    const std::string type = k.type;
    json p = type == "object"   ? json{{"type", "object"}}
             : type == "string" ? json{{"type", "string"}, {"minLength", 1}}
                                : json{{"type", {"string", "array"}}, {"items", {{"type", "string"}}}};
    p["description"] = k.description;
    props[k.key] = std::move(p);
  }
  // A file that extends a base needs no other key; any other file needs the world itself.
  json needs = json::array();
  for (const auto& k : w.top_required())
    if (k == "regions")
      needs.push_back(
          {{"anyOf", json::array({{{"required", {"regions"}}}, {{"required", {"regions_csv"}}}})}});
    else
      needs.push_back({{"required", {k}}});
  json full = schema;
  full["allOf"] = needs;
  json patch = as_merge_patch(schema);
  patch["properties"]["extends"] = props["extends"];  // never null: it names the base
  return {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", "vicsim scenario"},
      {"description",
       "A vicsim scenario file (generated by 'vicsim schema --format json-schema' from "
       "scenarios/scenario_schema.hpp; see docs/scenario-format.md). A file with \"extends\" is a JSON Merge "
       "Patch of its base; any other file is a full scenario."},
      {"type", "object"},
      {"not",
       {{"anyOf",
         json::array({{{"required", {"regions", "regions_csv"}}}, {{"required", {"firms", "firms_csv"}}}})}}},
      {"if", {{"required", {"extends"}}}},
      {"then", std::move(patch)},
      {"else", std::move(full)}};
}

}  // namespace vicsim::scenarios
