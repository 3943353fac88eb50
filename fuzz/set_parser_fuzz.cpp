// libFuzzer harness: each line of the input is one --set assignment applied to a small valid scenario,
// which is then loaded. Exercises the path parser, the selectors and the value parser.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "scenarios/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vicsim::scenarios;
  static const nlohmann::json base = nlohmann::json::parse(R"({
    "regions": [{"name": "north"}, {"name": "south", "x_km": 300}],
    "industries": [{"name": "alpha", "stages": ["parts", "final"]},
                   {"name": "beta", "cross_inputs": [{"from_industry": "alpha", "from_stage": "parts",
                                                      "to_stage": "assembly", "share": 0.2}]}],
    "policies": [{"name": "v", "instrument": "cloud_voucher", "subsidy_share": 0.3}],
    "mechanisms": {"population": {"count": 50}}})");
  std::vector<std::string> sets;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  for (std::string line; std::getline(in, line) && sets.size() < 8;) sets.push_back(line);
  auto r = load_scenario(base, "fuzz.json", sets);
  for (const auto& p : r.problems) (void)p.format();
  return 0;
}
