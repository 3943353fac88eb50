#include "experiments/calibration_trace.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::experiments;
using vicsim::reports::CsvTable;

namespace {
Calibration calibration() {
  Calibration c;
  c.parameters.resize(2);
  c.parameters[0].name = "a";
  c.parameters[1].name = "b";
  c.targets.resize(1);
  c.targets[0].name = "out";
  return c;
}
TraceRow row(std::int64_t eval, const std::string& stage, const std::string& a) {
  TraceRow r;
  r.eval = eval;
  r.stage = stage;
  r.values = {a, "0.5"};
  r.objective = "0.125";
  r.means = {"1.5"};
  r.sds = {"0.25"};
  return r;
}
}  // namespace

TEST_CASE("calibration_trace: rows read back exactly", "[experiments]") {
  const auto c = calibration();
  CHECK(trace_header(c) == "eval,stage,block,profiled,a,b,objective,status,out_mean,out_sd,error\n");
  auto r2 = row(2, "profile", "0.3");
  r2.profiled = "a";
  r2.status = "failed";
  r2.error = "replication 1: vicsim run: exit code 1, \"quoted\"";
  const std::string text = trace_header(c) + trace_line(row(0, "fit", "0.1")) +
                           trace_line(row(1, "refit", "0.2")) + trace_line(r2);
  const auto rows = read_trace(CsvTable::parse(text, "trace.csv"), c);
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].error == r2.error);
  CHECK(rows[2].profiled == "a");
  std::string again = trace_header(c);
  for (const auto& r : rows) again += trace_line(r);
  CHECK(again == text);
}

TEST_CASE("calibration_trace: reading stops where the sequence breaks", "[experiments]") {
  const auto c = calibration();
  const std::string good = trace_header(c) + trace_line(row(0, "fit", "0.1"));
  CHECK(read_trace(CsvTable::parse(good + trace_line(row(2, "fit", "0.2")), "t"), c).size() == 1);  // a gap
  auto bad = row(1, "fit", "x");
  CHECK(read_trace(CsvTable::parse(good + trace_line(bad), "t"), c).size() == 1);  // not a number
  auto c2 = c;
  c2.targets[0].name = "other";
  CHECK(read_trace(CsvTable::parse(good, "t"), c2).empty());  // another calibration's header
}

TEST_CASE("calibration_trace: a stored row replays only the same candidate", "[experiments]") {
  const auto a = row(0, "fit", "0.1");
  auto b = a;
  b.objective = "9";  // results are not compared, the candidate is
  CHECK(same_candidate(a, b));
  b.values[1] = "0.50000000000000011";
  CHECK_FALSE(same_candidate(a, b));
  b = a;
  b.block = 1;
  CHECK_FALSE(same_candidate(a, b));
}
