// `vicsim validate`: check scenario files and report every problem; `vicsim schema`: the key reference or a
// JSON Schema.
#include <iostream>
#include <memory>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "scenarios/json_schema.hpp"
#include "scenarios/parameter_table.hpp"
#include "scenarios/scenario_loader.hpp"
#include "scenarios/schema_doc.hpp"

namespace vicsim::app {

namespace {

struct ValidateOptions {
  std::vector<std::string> files, sets;
};

int validate(const ValidateOptions& o) {
  int rc = 0;
  for (const auto& f : o.files) {
    auto r = scenarios::load_scenario_file(f, o.sets);
    if (r.scenario)
      std::cout << f << ": ok\n";
    else
      rc = report_problems(r.problems);
  }
  return rc;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto o = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand("validate", "Check scenario files and report every problem");
  cmd->add_option("files", o->files, "Scenario JSON files")->required();
  cmd->add_option("--set", o->sets, "Override a key before validating: path=value (repeatable)");
  return {cmd, [o] { return validate(*o); }};
}

Command add_schema_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("markdown");
  auto* cmd = app.add_subcommand("schema",
                                 "Print the scenario key reference (Markdown), a JSON Schema (draft 2020-12) "
                                 "for editors, the parameter table with sources, or the mechanism table");
  cmd->add_option(
         "--format", *format,
         "markdown: the key reference of docs/scenario-format.md; json-schema: a JSON Schema; "
         "parameters: the parameter table of docs/PARAMETERS.md; mechanisms: the mechanism registry's "
         "table (docs/scenario-format.md)")
      ->check(CLI::IsMember({"markdown", "json-schema", "parameters", "mechanisms"}));
  return {cmd, [format] {
            if (*format == "json-schema")
              std::cout << scenarios::scenario_json_schema().dump(2) << "\n";
            else if (*format == "parameters")
              std::cout << scenarios::parameter_table();
            else if (*format == "mechanisms")
              std::cout << scenarios::mechanism_reference();
            else
              std::cout << scenarios::scenario_key_reference();
            return 0;
          }};
}

}  // namespace vicsim::app
