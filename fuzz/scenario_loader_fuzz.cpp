// libFuzzer harness: bytes as a scenario file, through the strict JSON reader and the whole loader
// (types, ranges, cross-references, cycles). Any crash, sanitizer report or uncaught exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scenarios/json_file.hpp"
#include "scenarios/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vicsim::scenarios;
  const std::string text(reinterpret_cast<const char*>(data), size);
  Diagnostics problems;
  auto doc = parse_json_text(text, "fuzz.json", problems);
  if (!doc) return 0;
  auto r = load_scenario(*doc, "fuzz.json");
  for (const auto& p : r.problems) (void)p.format();
  return 0;
}
