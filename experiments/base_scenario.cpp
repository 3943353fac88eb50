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
  // A scenario that extends another or reads a CSV depends on more files than its own bytes: the
  // fingerprint (resume check) also covers what they resolve to.
  if (doc->contains("extends") || doc->contains("regions_csv"))
    scenario_text += "\n" + scenarios::to_json(*base.scenario).dump();
  out.doc = std::move(doc);
  return out;
}

}  // namespace vicsim::experiments
