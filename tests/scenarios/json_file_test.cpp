#include "scenarios/json_file.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scenarios/scenario_loader.hpp"

using namespace vicsim::scenarios;
namespace fs = std::filesystem;

namespace {
Diagnostic parse_problem(const std::string& text) {
  Diagnostics d;
  auto v = parse_json_text(text, "f.json", d);
  REQUIRE_FALSE(v);
  REQUIRE(d.size() == 1);
  return d[0];
}
}  // namespace

TEST_CASE("json_file: nesting deeper than the limit is refused with its path, without recursion",
          "[scenarios]") {
  const std::size_t n = 200000;  // deep enough to overflow the stack of a recursive copy or dump
  const auto p = parse_problem("{\"description\":" + std::string(n, '[') + std::string(n, ']') + "}");
  CHECK(p.message.find("nested deeper than 64 levels") != std::string::npos);
  CHECK(p.path.rfind("description[0][0]", 0) == 0);
  CHECK(p.path.size() < 120);  // the path is shortened, not 64 x "[0]" long
  Diagnostics d;
  CHECK(parse_json_text(std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']'), "f", d));
  CHECK_FALSE(
      parse_json_text(std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']'), "f", d));
}

TEST_CASE("json_file: overflowing numbers and duplicate keys name the path", "[scenarios]") {
  auto p = parse_problem(R"({"mechanisms": {"market": {"markup": 1e999}}})");
  CHECK(p.path == "mechanisms.market.markup");
  CHECK(p.message.find("'1e999' is out of range") != std::string::npos);
  p = parse_problem(R"({"regions": [{"name": "a"}, {"name": "b", "x_km": 1, "name": "c"}]})");
  CHECK(p.path == "regions[1].name");
  CHECK(p.message.find("duplicate key 'name'") != std::string::npos);
  p = parse_problem("{\"a\": 1,\n \"b\": }");
  CHECK(p.message.find("line 2, column") != std::string::npos);
  // The same key in two different objects is fine.
  Diagnostics d;
  CHECK(parse_json_text(R"({"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]})", "f", d));
  CHECK(d.empty());
}

TEST_CASE("json_file: only regular files up to the size limit are read", "[scenarios]") {
  Diagnostics d;
  CHECK_FALSE(read_json_file("/dev/zero", d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("character device") != std::string::npos);
  d.clear();
  CHECK_FALSE(read_json_file(fs::temp_directory_path().string(), d));
  CHECK(d.at(0).message.find("directory") != std::string::npos);
  const fs::path big = fs::temp_directory_path() / ("vicsim_big_" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream f(big);
    f << "{\"description\": \"" << std::string(kMaxInputBytes, 'x') << "\"}";
  }
  d.clear();
  CHECK_FALSE(read_json_file(big.string(), d));
  CHECK(d.at(0).message.find("at most 16777216") != std::string::npos);
  fs::remove(big);
  d.clear();
  CHECK_FALSE(read_json_file("/nonexistent/x.json", d));
  CHECK(d.at(0).message.find("cannot open") != std::string::npos);
}

TEST_CASE("json_file: excerpts are short and show control characters", "[scenarios]") {
  CHECK(excerpt(std::string(1000, 'a')).size() == 40);
  CHECK(excerpt(std::string("a\0b", 3)) == "a\\x00b");
}
