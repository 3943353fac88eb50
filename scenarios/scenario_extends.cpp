#include "scenarios/scenario_extends.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "scenarios/firms_csv.hpp"
#include "scenarios/json_file.hpp"
#include "scenarios/regions_csv.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::scenarios {

namespace {

namespace fs = std::filesystem;

/** Longer chains are almost certainly a mistake, and the bound keeps recursion shallow. */
constexpr std::size_t kMaxChain = 16;

/** A file's identity for cycle detection: the canonical path when it exists, else the normalised one. */
std::string identity(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return (ec ? p.lexically_normal() : c).string();
}

/** A path named inside `file` (extends, regions_csv) is relative to that file's folder. */
fs::path relative_to(const std::string& file, const std::string& name) {
  fs::path p(name);
  if (p.is_relative()) p = fs::path(file).parent_path() / p;
  return p.lexically_normal();
}

bool has_authoring_keys(const nlohmann::json& doc) {
  return doc.is_object() &&
         (doc.contains("extends") || doc.contains("overrides") || doc.contains("regions_csv") ||
          doc.contains("firms_csv") || doc.contains("_notes"));
}

/** The files being resolved, outermost first: identity for the cycle check, name as written for messages. */
struct Link {
  std::string id, name;
};

nlohmann::json resolve(const nlohmann::json& doc, const std::string& file, std::vector<Link>& chain,
                       Diagnostics& diag, std::vector<ChainFile>* sources) {
  if (sources) sources->push_back({file, doc});
  if (!has_authoring_keys(doc)) return doc;
  const std::size_t problems_before = diag.size();
  nlohmann::json body = doc;
  body.erase("_notes");
  nlohmann::json out = nlohmann::json::object();
  bool extended = false;
  if (auto it = body.find("extends"); it != body.end()) {
    if (!it->is_string() || it->get<std::string>().empty()) {
      diag.push_back({file, "extends", "expected the path of a base scenario file, got " + it->dump()});
      return {};
    }
    const fs::path base = relative_to(file, it->get<std::string>());
    body.erase("extends");
    const std::string id = identity(base);
    if (std::any_of(chain.begin(), chain.end(), [&](const Link& l) { return l.id == id; })) {
      std::string cycle;
      for (const auto& l : chain) cycle += l.name + " -> ";
      diag.push_back({file, "extends", "extends cycle: " + cycle + base.string()});
      return {};
    }
    if (chain.size() >= kMaxChain) {
      diag.push_back({file, "extends",
                      "expected at most " + std::to_string(kMaxChain) + " files in an extends chain; is '" +
                          base.string() + "' a loop?"});
      return {};
    }
    Diagnostics read_problems;
    auto base_doc = read_json_file(base.string(), read_problems);
    if (!base_doc) {
      for (const auto& p : read_problems)
        diag.push_back({file, "extends", "cannot use base scenario '" + base.string() + "': " + p.message});
      return {};
    }
    chain.push_back({id, base.string()});
    out = resolve(*base_doc, base.string(), chain, diag, sources);
    chain.pop_back();
    if (diag.size() != problems_before) return {};
    extended = true;
  }
  nlohmann::json overrides = nlohmann::json::object();
  if (auto it = body.find("overrides"); it != body.end()) {
    if (!it->is_object()) {
      diag.push_back(
          {file, "overrides",
           "expected an object of key path -> value, e.g. {\"regions[0].infrastructure\": 0.8}, got " +
               std::string(it->type_name())});
      return {};
    }
    overrides = *it;
    body.erase(it);
  }
  // A table key ("regions_csv", "firms_csv") names a CSV file that becomes the array key it replaces.
  const auto take_csv = [&](const char* key, const char* array) -> std::optional<std::string> {
    auto it = body.find(key);
    if (it == body.end()) return std::nullopt;
    if (!it->is_string() || it->get<std::string>().empty()) {
      diag.push_back({file, key, "expected the path of a CSV file, got " + it->dump()});
      return std::nullopt;
    }
    if (body.contains(array)) {
      diag.push_back({file, key, std::string("give either ") + array + " or " + key + ", not both"});
      return std::nullopt;
    }
    std::string csv = it->get<std::string>();
    body.erase(it);
    return csv;
  };
  const auto csv = take_csv("regions_csv", "regions");
  const auto firms_csv = take_csv("firms_csv", "firms");
  if (diag.size() != problems_before) return {};
  // Without a base, the body is taken as it is: a merge patch would silently drop its null values, which
  // the reader must see and reject.
  if (extended)
    out.merge_patch(body);
  else
    out = std::move(body);
  if (csv) {
    auto regions = read_regions_csv(relative_to(file, *csv).string(), diag);
    if (!regions) return {};
    out["regions"] = std::move(*regions);
  }
  if (firms_csv) {  // after the regions, whose names the register uses
    auto firms = read_firms_csv(relative_to(file, *firms_csv).string(), out, diag);
    if (!firms) return {};
    out["firms"] = std::move(*firms);
  }
  for (const auto& [path, value] : overrides.items())
    set_json_path(out, path, value, file, "overrides[\"" + path + "\"]", diag);
  if (diag.size() != problems_before) return {};
  return out;
}

/** True if `doc` as written sets the value at `path` ("a.b[2].c"), or defines an array on the way to it. */
bool writes_path(const nlohmann::json& doc, const std::string& path) {
  if (auto o = doc.find("overrides"); o != doc.end() && o->is_object() && o->contains(path)) return true;
  std::string dotted = path;
  std::replace(dotted.begin(), dotted.end(), '[', '.');
  dotted.erase(std::remove(dotted.begin(), dotted.end(), ']'), dotted.end());
  const nlohmann::json* node = &doc;
  std::size_t start = 0;
  while (start <= dotted.size()) {
    const auto end = std::min(dotted.find('.', start), dotted.size());
    const std::string key = dotted.substr(start, end - start);
    start = end + 1;
    if (key.empty()) continue;
    if (node->is_array()) return true;  // the array replaces the base's, so what is inside is this file's
    if (!node->is_object() || !node->contains(key)) return false;
    node = &(*node)[key];
  }
  return true;
}

/** For a problem at "regions[i].field" (or "firms[i]...") of a file that reads that array from a CSV table:
 * the table's path and "row R (field)", R counting the header as row 1, as the table readers name cells. */
std::optional<std::pair<std::string, std::string>> csv_row_of(const ChainFile& c, const std::string& path) {
  for (const auto& [key, array] : {std::pair{"regions_csv", "regions"}, std::pair{"firms_csv", "firms"}}) {
    const auto it = c.doc.find(key);
    const std::string prefix = std::string(array) + "[";
    if (it == c.doc.end() || !it->is_string() || path.rfind(prefix, 0) != 0) continue;
    const auto close = path.find(']', prefix.size());
    if (close == std::string::npos) continue;
    const std::string index = path.substr(prefix.size(), close - prefix.size());
    if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string field = close + 2 <= path.size() ? path.substr(close + 2) : "";
    return std::pair{
        relative_to(c.file, it->get<std::string>()).string(),
        "row " + std::to_string(std::stoul(index) + 2) + (field.empty() ? "" : " (" + field + ")")};
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json resolve_scenario_document(const nlohmann::json& doc, const std::string& file,
                                         Diagnostics& diag, std::vector<ChainFile>* chain) {
  std::vector<Link> links{{identity(file), file}};
  return resolve(doc, file, links, diag, chain);
}

void attribute_to_chain(Diagnostics& problems, const std::vector<ChainFile>& chain,
                        const std::vector<std::string>& set_paths) {
  if (chain.empty()) return;
  for (auto& p : problems) {
    if (p.path.empty() || p.file != chain.front().file) continue;
    if (std::any_of(set_paths.begin(), set_paths.end(),
                    [&](const std::string& s) { return !s.empty() && p.path.rfind(s, 0) == 0; }))
      continue;
    for (const auto& c : chain) {
      // An array read from a CSV table (regions_csv, firms_csv): the problem is in that file's row.
      if (const auto table = csv_row_of(c, p.path)) {
        p.file = table->first;
        p.path = table->second;
        break;
      }
      if (!writes_path(c.doc, p.path)) continue;
      if (&c != &chain.front()) {
        p.message += " (inherited by " + p.file + ")";
        p.file = c.file;
      }
      break;
    }
  }
}

}  // namespace vicsim::scenarios
