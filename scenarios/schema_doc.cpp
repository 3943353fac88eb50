#include "scenarios/schema_doc.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <type_traits>
#include <vector>

#include "agents/mechanism_registry.hpp"
#include "scenarios/scenario_extends.hpp"
#include "scenarios/scenario_schema.hpp"

namespace vicsim::scenarios {

namespace {

class MarkdownWriter {
 public:
  MarkdownWriter(std::ostringstream& out, std::string prefix) : out_(out), prefix_(std::move(prefix)) {}

  template <class T>
  void field(const char* key, T& ref, const char* unit, const char* desc, double lo = -INFINITY,
             double hi = INFINITY) {
    row(key, type_name<T>(), unit, nlohmann::json(ref).dump(), range(lo, hi), desc);
  }
  template <class T>
  void required(const char* key, T&, const char* unit, const char* desc) {
    row(key, type_name<T>(), unit, "*required*", "", desc);
  }
  template <class Spec>
  void object(const char* key, Spec& ref, const char* desc) {
    row(key, "object", "", "", "", desc);
    MarkdownWriter w(out_, path(key) + ".");
    describe(w, ref);
  }
  template <class Spec>
  void array(const char* key, std::vector<Spec>&, const char* desc, std::size_t min_items) {
    row(key, "array of objects", "", min_items > 0 ? "*required*" : "[]",
        min_items > 0 ? ">= " + std::to_string(min_items) + " items" : "", desc);
    Spec element{};
    MarkdownWriter w(out_, path(key) + "[].");
    describe(w, element);
  }
  void map(const char* key, std::map<std::string, double>&, const char* unit, const char* desc, double lo,
           double hi) {
    row(key, "object name → number", unit, "{}", range(lo, hi), desc);
  }

 private:
  template <class T>
  static std::string type_name() {
    if constexpr (std::is_same_v<T, bool>)
      return "boolean";
    else if constexpr (std::is_same_v<T, std::string>)
      return "string";
    else if constexpr (std::is_same_v<T, std::vector<std::string>>)
      return "array of strings";
    else if constexpr (std::is_integral_v<T>)
      return "integer";
    else
      return "number";
  }
  static std::string num(double x) { return nlohmann::json(x).dump(); }
  static std::string range(double lo, double hi) {
    if (!std::isfinite(lo) && !std::isfinite(hi)) return "";
    return "[" + num(lo) + ", " + num(hi) + "]";
  }
  std::string path(const char* key) const { return prefix_ + key; }
  void row(const char* key, const std::string& type, const char* unit, const std::string& def,
           const std::string& range, const char* desc) {
    out_ << "| `" << path(key) << "` | " << type << " | " << unit << " | "
         << (def.empty() ? "" : "`" + def + "`") << " | " << range << " | " << desc << " |\n";
  }
  std::ostringstream& out_;
  std::string prefix_;
};

}  // namespace

std::string scenario_key_reference() {
  std::ostringstream out;
  out << "| key | type | unit | default | allowed | description |\n|---|---|---|---|---|---|\n";
  Scenario s;
  MarkdownWriter w(out, "");
  describe(w, s);
  // Keys resolved before the scenario is read (scenario_extends.hpp).
  for (const auto& k : kAuthoringKeys)
    out << "| `" << k.key << "` | " << k.type << " |  |  |  | " << k.description << " |\n";
  return out.str();
}

std::string mechanism_reference() {
  std::ostringstream out;
  out << "| mechanism | group | kind | switch (off) | parameters | phases | load | columns | ODD | "
         "description |\n"
         "|---|---|---|---|---|---|---|---|---|---|\n";
  auto list = [](const std::vector<const char*>& xs, const char* quote) {
    std::string s;
    for (const char* x : xs) s += std::string(s.empty() ? "" : ", ") + quote + x + quote;
    return s;
  };
  for (const auto& m : agents::mechanism_registry()) {
    std::string sw;
    for (const auto& x : m.switches)
      sw += (sw.empty() ? "" : "<br>") + std::string("`") + x.path + "=" + x.off + "`";
    out << "| `" << m.name << "` | " << m.group << " | " << m.kind << " | " << sw << " | `" << m.parameters
        << "`: " << list(m.parameter_keys, "") << " | " << list(m.phases, "") << " | " << m.load << " | "
        << list(m.metrics, "`") << " | " << m.odd << " | " << m.description << " |\n";
  }
  return out.str();
}

}  // namespace vicsim::scenarios
