// libFuzzer harness: bytes as an experiment file (beside experiments/, so "../scenarios/x.json" resolves
// to a bundled scenario), through the strict JSON reader and the experiment loader with its --set factors.
#include <cstddef>
#include <cstdint>
#include <string>

#include "experiments/experiment_loader.hpp"
#include "scenarios/json_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vicsim;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string file = std::string(VICSIM_SOURCE_DIR) + "/experiments/fuzz.json";
  scenarios::Diagnostics problems;
  auto doc = scenarios::parse_json_text(text, file, problems);
  if (!doc) return 0;
  auto r = experiments::load_experiment(*doc, file, {"tick", "firms", "output"});
  for (const auto& p : r.problems) (void)p.format();
  return 0;
}
