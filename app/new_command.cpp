// `vicsim new`: a short starter scenario that extends a bundled (or any) scenario, with notes on how to edit
// it.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "scenarios/json_file.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;

struct NewOptions {
  std::string from, out;
  bool force = false;
};

/** `from` as a path if it names a file, else a bundled scenario name (with or without .json). */
std::optional<fs::path> find_base(const std::string& from) {
  if (fs::is_regular_file(from)) return fs::path(from);
  fs::path bundled = scenarios_dir() / from;
  if (bundled.extension() != ".json") bundled += ".json";
  if (fs::is_regular_file(bundled)) return bundled;
  return std::nullopt;
}

std::vector<std::string> bundled_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(scenarios_dir(), ec))
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

nlohmann::ordered_json starter(const std::string& extends, const fs::path& base, const fs::path& out) {
  const std::string name = out.stem().string();
  const std::string file = out.filename().string();
  return {
      {"extends", extends},
      {"_notes",
       {"Starter made by 'vicsim new --from " + base.stem().string() +
            "'. This file is that scenario plus the keys below; '_notes' is ignored by the loader.",
        "Keys written here are merged into the base (JSON Merge Patch, RFC 7396): objects merge key by key, "
        "an "
        "array (regions, platforms, policies, shocks) replaces the base's whole array, null deletes a key.",
        "'overrides' sets single values by key path after the merge, e.g. {\"regions[0].infrastructure\": "
        "0.8, "
        "\"mechanisms.trade.enabled\": false}; \"platforms[-]\": {...} appends a platform.",
        "Regions can come from a spreadsheet: \"regions_csv\": \"my_regions.csv\" (see "
        "scenarios/examples/regions_from_csv.json); so can the initial firms: \"firms_csv\": "
        "\"my_firms.csv\" "
        "(see scenarios/examples/firms_from_csv.json).",
        "Every key, unit, default and range: docs/scenario-format.md or 'vicsim schema'. For editor "
        "completion: "
        "'vicsim schema --format json-schema > scenario.schema.json'.",
        "Check: vicsim validate " + file + "   Run: vicsim run " + file + " --out runs/" + name +
            "   Compare: vicsim compare " + base.string() + " " + file +
            " --replications 10 --out runs/compare"}},
      {"name", name},
      {"description", "Based on " + base.stem().string() + ": say here what this scenario changes and why."},
      {"overrides", nlohmann::json::object()}};
}

int make_new(const NewOptions& o) {
  const auto base = find_base(o.from);
  if (!base) {
    const auto names = bundled_names();
    std::string msg = "error: --from '" + o.from + "': no such file and no bundled scenario of that name";
    if (auto m = scenarios::closest_match(o.from, names); !m.empty()) msg += " (did you mean '" + m + "'?)";
    msg += "; bundled:";
    for (const auto& n : names) msg += " " + n;
    std::cerr << msg << "\n";
    return 2;
  }
  const fs::path out(o.out);
  if (out.extension() != ".json") {
    std::cerr << "error: --out '" << o.out << "': expected a file name ending in .json\n";
    return 2;
  }
  if (fs::exists(out) && !o.force) {
    std::cerr << "error: " << o.out << " already exists; use --force to replace it\n";
    return 2;
  }
  const fs::path dir = fs::absolute(out).parent_path();
  if (!fs::is_directory(dir)) {
    std::cerr << "error: --out '" << o.out << "': folder " << dir.string() << " does not exist\n";
    return 2;
  }
  // The base path is written relative to the new file, as the loader reads it.
  // A path that climbs to the root says nothing the absolute one does not: write that instead.
  std::error_code ec;
  const fs::path abs_base = fs::absolute(*base).lexically_normal();
  const fs::path rel = fs::relative(abs_base, dir, ec);
  const auto ups = std::count(rel.begin(), rel.end(), fs::path(".."));
  const fs::path below_root = dir.relative_path();
  const auto depth = std::distance(below_root.begin(), below_root.end());
  const std::string extends = (ec || rel.empty() || ups >= depth ? abs_base : rel).generic_string();
  const auto doc = starter(extends, *base, out);  // ordered: "extends" and the notes come first

  // Check it loads before it appears, then move it into place: never a half-written file.
  auto loaded = scenarios::load_scenario(nlohmann::json::parse(doc.dump()), o.out);
  if (!loaded.scenario) return report_problems(loaded.problems);
  const fs::path tmp = out.string() + ".tmp";
  write_file(tmp, [&](std::ostream& s) { s << doc.dump(2) << "\n"; });
  fs::rename(tmp, out);
  std::cerr << "wrote " << o.out << " (extends " << extends << ")\n";
  return 0;
}

}  // namespace

Command add_new_command(CLI::App& app) {
  auto o = std::make_shared<NewOptions>();
  auto* cmd = app.add_subcommand("new", "Write a short starter scenario that extends a bundled one");
  cmd->add_option("--from", o->from, "Base: a bundled scenario name (e.g. platform_led) or a scenario file")
      ->required();
  cmd->add_option("--out,-o", o->out, "The new scenario file (.json)")->required();
  cmd->add_flag("--force", o->force, "Replace an existing file");
  return {cmd, [o] { return make_new(*o); }};
}

}  // namespace vicsim::app
