#include "scenarios/parameter_table.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <type_traits>

#include "scenarios/parameter_sources.hpp"
#include "scenarios/scenario_schema.hpp"

namespace vicsim::scenarios {

namespace {

/** Collects the numeric keys of the describe() declarations (booleans, strings and names are switches or
 * identifiers, not parameters). */
class ParameterCollector {
 public:
  ParameterCollector(std::vector<ParameterRow>& out, std::string prefix)
      : out_(out), prefix_(std::move(prefix)) {}

  template <class T>
  void field(const char* key, T& ref, const char* unit, const char*, double lo = -INFINITY,
             double hi = INFINITY) {
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>)
      out_.push_back({prefix_ + key, unit, nlohmann::json(ref).dump(), range(lo, hi), ""});
  }
  template <class T>
  void required(const char*, T&, const char*, const char*) {}
  template <class Spec>
  void object(const char* key, Spec& ref, const char*) {
    if (prefix_.empty() && std::string(key) == "output") return;  // run outputs, not model parameters
    ParameterCollector w(out_, prefix_ + key + ".");
    describe(w, ref);
  }
  template <class Spec>
  void array(const char* key, std::vector<Spec>&, const char*, std::size_t) {
    if (prefix_.empty() && std::string(key) == "firms") return;  // the firm register is data
    Spec element{};
    ParameterCollector w(out_, prefix_ + key + "[].");
    describe(w, element);
  }
  void map(const char* key, std::map<std::string, double>&, const char* unit, const char*, double lo,
           double hi) {
    out_.push_back({prefix_ + key, unit, "{}", range(lo, hi), ""});
  }

 private:
  static std::string num(double x) { return nlohmann::json(x).dump(); }
  static std::string range(double lo, double hi) {
    if (!std::isfinite(lo) && !std::isfinite(hi)) return "";
    return "[" + num(lo) + ", " + num(hi) + "]";
  }
  std::vector<ParameterRow>& out_;
  std::string prefix_;
};

/** Table cells hold no line breaks or bars. */
std::string cell(const std::string& s) {
  std::string o;
  for (const char c : s)
    o += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return o;
}

}  // namespace

std::vector<ParameterRow> parameter_rows() {
  std::vector<ParameterRow> rows;
  Scenario s;
  ParameterCollector c(rows, "");
  describe(c, s);
  std::erase_if(rows, [](const ParameterRow& r) { return r.path == "seed"; });  // a replication label
  std::map<std::string, std::string> sources;
  for (const auto& p : parameter_sources()) sources[p.path] = p.source;
  for (auto& r : rows)
    if (auto it = sources.find(r.path); it != sources.end()) r.source = it->second;
  return rows;
}

std::vector<std::string> unknown_source_paths() {
  std::set<std::string> known;
  for (const auto& r : parameter_rows()) known.insert(r.path);
  std::vector<std::string> out;
  for (const auto& p : parameter_sources())
    if (!known.count(p.path)) out.emplace_back(p.path);
  return out;
}

std::string parameter_table() {
  std::ostringstream out;
  out << "| parameter | unit | default | allowed | source |\n|---|---|---|---|---|\n";
  for (const auto& r : parameter_rows())
    out << "| `" << r.path << "` | " << cell(r.unit) << " | `" << r.default_value << "` | " << r.range
        << " | " << (r.source.empty() ? "**no source recorded**" : cell(r.source)) << " |\n";
  out << "\n**Constants fixed in code** (not scenario keys; each is either a definition, a numerical "
         "safeguard or an assumption stated here):\n\n"
      << "| constant | where | value | why it is fixed |\n|---|---|---|---|\n";
  for (const auto& k : fixed_constants())
    out << "| " << cell(k.name) << " | `" << cell(k.where) << "` | " << cell(k.value) << " | "
        << cell(k.justification) << " |\n";
  return out.str();
}

}  // namespace vicsim::scenarios
