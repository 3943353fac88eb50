#include "scenarios/scenario_extends.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scenarios/scenario_loader.hpp"
#include "test_support.hpp"

using namespace vicsim::scenarios;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/** A fresh folder per test case under the system temp directory. */
fs::path scratch(const std::string& name) {
  auto d = fs::temp_directory_path() / ("vicsim_extends_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

const char* kBase = R"({"name":"base","ticks":24,
  "regions":[{"name":"r1","infrastructure":0.3},{"name":"r2","x_km":500,"infrastructure":0.4}],
  "industries":[{"name":"a"}],
  "platforms":[{"name":"p1","level":"industry","industry":"a"}],
  "mechanisms":{"population":{"count":50,"size_min":1}}})";

bool mentions(const Diagnostics& d, const std::string& file_part, const std::string& words) {
  for (const auto& p : d)
    if (p.file.find(file_part) != std::string::npos && p.message.find(words) != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE("scenario_extends: a chain of bases merges key by key; the child wins", "[scenarios]") {
  const auto d = scratch("chain");
  write(d / "base.json", kBase);
  write(d / "mid" / "mid.json", R"({"extends":"../base.json","name":"mid","ticks":36,
                                    "mechanisms":{"population":{"count":80}}})");
  write(d / "child.json", R"({"extends":"mid/mid.json","name":"child","_notes":"free text, ignored",
                             "policies":[{"name":"v","instrument":"cloud_voucher","subsidy_share":0.5}]})");
  auto r = load_scenario_file((d / "child.json").string());
  INFO(vicsim::test::format_all(r.problems));
  REQUIRE(r.scenario);
  CHECK(r.scenario->name == "child");
  CHECK(r.scenario->ticks == 36);                          // from mid
  CHECK(r.scenario->mechanisms.population.count == 80);    // mid overrides base
  CHECK(r.scenario->mechanisms.population.size_min == 1);  // base kept beside it (merge, not replace)
  CHECK(r.scenario->regions.size() == 2);                  // from base
  CHECK(r.scenario->policies.size() == 1);                 // added by child
  const json out = to_json(*r.scenario);
  CHECK_FALSE(out.contains("extends"));
  CHECK_FALSE(out.contains("_notes"));
}

TEST_CASE("scenario_extends: null deletes a key (RFC 7396) and arrays are replaced whole", "[scenarios]") {
  const auto d = scratch("null");
  write(d / "base.json", kBase);
  write(
      d / "child.json",
      R"({"extends":"base.json","platforms":null,"regions":[{"name":"only"}],"mechanisms":{"population":{"size_min":null}}})");
  auto r = load_scenario_file((d / "child.json").string());
  INFO(vicsim::test::format_all(r.problems));
  REQUIRE(r.scenario);
  CHECK(r.scenario->platforms.empty());
  REQUIRE(r.scenario->regions.size() == 1);
  CHECK(r.scenario->regions[0].name == "only");
  CHECK(r.scenario->mechanisms.population.size_min == Scenario{}.mechanisms.population.size_min);
  CHECK(r.scenario->mechanisms.population.count == 50);
}

TEST_CASE("scenario_extends: without a base, null is still an error (no silent merge)", "[scenarios]") {
  auto r = load_scenario(json::parse(R"({"_notes":"x","regions":[{"name":"r"}],"industries":[{"name":"a"}],
                                         "ticks":null})"),
                         "plain.json");
  CHECK_FALSE(r.scenario);
  CHECK(mentions(r.problems, "plain.json", "expected an integer"));
}

TEST_CASE("scenario_extends: overrides set selector paths after the merge; [-] appends", "[scenarios]") {
  const auto d = scratch("overrides");
  write(d / "base.json", kBase);
  write(d / "child.json", R"({"extends":"base.json","overrides":{
      "regions[1].infrastructure":0.8,
      "platforms[-]":{"name":"p2","level":"regional","region":"r2"},
      "mechanisms.trade.enabled":false}})");
  auto r = load_scenario_file((d / "child.json").string());
  INFO(vicsim::test::format_all(r.problems));
  REQUIRE(r.scenario);
  CHECK(r.scenario->regions[1].infrastructure == Approx(0.8));
  CHECK(r.scenario->regions[0].infrastructure == Approx(0.3));
  REQUIRE(r.scenario->platforms.size() == 2);
  CHECK(r.scenario->platforms[1].name == "p2");
  CHECK_FALSE(r.scenario->mechanisms.trade.enabled);

  write(d / "bad.json", R"({"extends":"base.json","overrides":{"regions[7].infrastructure":0.8}})");
  auto bad = load_scenario_file((d / "bad.json").string());
  CHECK_FALSE(bad.scenario);
  CHECK(mentions(bad.problems, "bad.json", "index out of range"));
}

TEST_CASE("scenario_extends: a cycle is rejected naming every file in it", "[scenarios]") {
  const auto d = scratch("cycle");
  write(d / "a.json", R"({"extends":"b.json","name":"a"})");
  write(d / "b.json", R"({"extends":"a.json","name":"b"})");
  auto r = load_scenario_file((d / "a.json").string());
  CHECK_FALSE(r.scenario);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].path == "extends");
  CHECK(r.problems[0].file.find("b.json") != std::string::npos);
  CHECK(r.problems[0].message.find("cycle") != std::string::npos);
  CHECK(r.problems[0].message.find("a.json -> ") != std::string::npos);
  CHECK(r.problems[0].message.find("b.json -> ") != std::string::npos);

  write(d / "self.json", R"({"extends":"self.json"})");
  auto self = load_scenario_file((d / "self.json").string());
  CHECK(mentions(self.problems, "self.json", "cycle"));
}

TEST_CASE("scenario_extends: a missing or broken base names the extending file and the base", "[scenarios]") {
  const auto d = scratch("missing");
  write(d / "child.json", R"({"extends":"nowhere.json"})");
  auto r = load_scenario_file((d / "child.json").string());
  CHECK_FALSE(r.scenario);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].file.find("child.json") != std::string::npos);
  CHECK(r.problems[0].path == "extends");
  CHECK(r.problems[0].message.find("nowhere.json") != std::string::npos);
  CHECK(r.problems[0].message.find("cannot open") != std::string::npos);

  write(d / "broken.json", "{\"name\": \n oops}");
  write(d / "child2.json", R"({"extends":"broken.json"})");
  auto b = load_scenario_file((d / "child2.json").string());
  REQUIRE(b.problems.size() == 1);
  CHECK(b.problems[0].message.find("broken.json") != std::string::npos);
  CHECK(b.problems[0].message.find("line 2") != std::string::npos);

  auto wrong = load_scenario(json::parse(R"({"extends":3})"), "w.json");
  CHECK(mentions(wrong.problems, "w.json", "expected the path of a base scenario file"));
  auto bad_overrides = load_scenario(json::parse(R"({"overrides":[1]})"), "o.json");
  CHECK(mentions(bad_overrides.problems, "o.json", "expected an object of key path"));
}

TEST_CASE("scenario_extends: a problem in the base is reported against the base file", "[scenarios]") {
  const auto d = scratch("basebad");
  write(d / "base.json", R"({"extends":"base2.json"})");
  write(d / "base2.json", R"({"overrides":{"regions[3].x_km":1}, "regions":[]})");
  write(d / "child.json", R"({"extends":"base.json"})");
  auto r = load_scenario_file((d / "child.json").string());
  CHECK_FALSE(r.scenario);
  CHECK(mentions(r.problems, "base2.json", "index out of range"));
}

TEST_CASE("scenario_extends: every bundled variant resolves to its base plus a few keys", "[scenarios]") {
  // The variants are short files; what they resolve to must still be the full world of their base.
  const auto base = vicsim::test::load("platform_led.json");
  for (const char* name : {"pilot_program.json", "infrastructure_5g.json", "shock_resilience.json",
                           "one_plus_n.json", "classroom_platform.json", "classroom_vouchers.json"}) {
    INFO(name);
    const auto s = vicsim::test::load(name);
    CHECK(s.regions.size() == base.regions.size());
    CHECK(s.platforms.size() >= base.platforms.size());
    CHECK(s.platforms[0].name == base.platforms[0].name);
  }
  CHECK(vicsim::test::load("one_plus_n.json").platforms.back().level == "middle");
  CHECK(vicsim::test::load("classroom_small.json").platforms.empty());
}

TEST_CASE("scenario_extends: a bad value inherited from a base names the base file", "[scenarios]") {
  const auto d = scratch("inherited");
  write(d / "base.json", R"({"regions":[{"name":"r","infrastructure":1.5}],"industries":[{"name":"a"}],
                             "mechanisms":{"trade":{"switch_margin":3}}})");
  write(d / "child.json", R"({"extends":"base.json","ticks":0})");
  auto r = load_scenario_file((d / "child.json").string());
  CHECK_FALSE(r.scenario);
  INFO(vicsim::test::format_all(r.problems));
  CHECK(mentions(r.problems, "base.json", "inherited by"));  // switch_margin and infrastructure
  bool ticks_in_child = false, regions_in_base = false;
  for (const auto& p : r.problems) {
    ticks_in_child |= p.path == "ticks" && p.file.find("child.json") != std::string::npos;
    regions_in_base |= p.path == "regions[0].infrastructure" && p.file.find("base.json") != std::string::npos;
  }
  CHECK(ticks_in_child);
  CHECK(regions_in_base);
  // A value the command line sets stays the command line's.
  auto set = load_scenario_file((d / "child.json").string(), {"mechanisms.trade.switch_margin=4"});
  for (const auto& p : set.problems)
    if (p.path == "mechanisms.trade.switch_margin") CHECK(p.file.find("child.json") != std::string::npos);
}
