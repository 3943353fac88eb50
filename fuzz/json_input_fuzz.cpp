// libFuzzer harness: the strict JSON reader and the --set path parser and selectors, without the model
// libraries, so CI can build and run it in a minute. The first line of the input is a --set path, the rest
// a JSON document; the path is parsed and applied to the document.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scenarios/json_file.hpp"
#include "scenarios/override_path.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vicsim::scenarios;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string path = input.substr(0, nl), text = nl == std::string::npos ? "" : input.substr(nl + 1);
  Diagnostics problems;
  auto doc = parse_json_text(text, "fuzz.json", problems);
  for (const auto& p : problems) (void)p.format();
  std::string error, where;
  const auto steps = parse_override_path(path, error);
  if (!steps || !doc) return 0;
  if (auto nodes = select_nodes(*doc, *steps, error, where))
    for (auto* n : *nodes) *n = nullptr;
  return 0;
}
