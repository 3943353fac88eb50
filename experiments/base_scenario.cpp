#include "experiments/base_scenario.hpp"

#include <filesystem>

#include "scenarios/scenario_loader.hpp"

namespace vicsim::experiments {

BaseScenario load_base_scenario(const std::string& document_file, const std::string& scenario,
                                const std::vector<std::string>& set, std::string& scenario_text,
                                scenarios::Diagnostics& diag) {
  namespace fs = std::filesystem;
  BaseScenario out;
  fs::path sp = scenario;
  if (sp.is_relative()) sp = fs::path(document_file).parent_path() / sp;
  out.file = sp.lexically_normal().string();
  scenarios::Diagnostics base_problems;
  auto doc = scenarios::read_json_file(out.file, base_problems, &scenario_text);
  if (!doc) {
    diag.push_back(
        {document_file, "scenario", "cannot use '" + out.file + "': " + base_problems.front().message});
    return out;
  }
  auto base = scenarios::load_scenario(*doc, out.file, set);
  for (const auto& p : base.problems)
    diag.push_back(
        {document_file, "set", "the base scenario with these overrides is not valid: " + p.format()});
  if (!base.scenario) return out;
  // A scenario may depend on more files than its own bytes (extends, regions_csv, firms_csv, and whatever
  // a later key refers to): the fingerprint (resume check) always covers what it resolves to.
  scenario_text += "\n" + scenarios::to_json(*base.scenario).dump();
  out.doc = std::move(doc);
  return out;
}

std::string unknown_key_message(const scenarios::Diagnostics& problems, const std::string& key) {
  static const std::string kUnknown = "unknown key";
  if (problems.empty() || problems.front().path != key || problems.front().message.rfind(kUnknown, 0) != 0)
    return "";
  return "unknown scenario key '" + key + "'" + problems.front().message.substr(kUnknown.size());
}

}  // namespace vicsim::experiments
