#include "reports/csv_table.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "reports/report_input_error.hpp"
#include "reports/tidy_csv.hpp"

using namespace vicsim::reports;

TEST_CASE("csv_table: columns by name, RFC 4180 quoting, CRLF and NA", "[reports]") {
  const auto t =
      CsvTable::parse("name,tick,value\r\n\"a, \"\"quoted\"\"\",1,0.5\r\nb,2,NA\r\nc,3,\n", "test.csv");
  REQUIRE(t.rows() == 3);
  CHECK(t.header() == std::vector<std::string>{"name", "tick", "value"});
  CHECK(t.texts("name")[0] == "a, \"quoted\"");
  const auto v = t.numbers("value");
  CHECK(v[0] == 0.5);
  CHECK(std::isnan(v[1]));
  CHECK(std::isnan(v[2]));
  CHECK(t.is_numeric(*t.index("value")));
  CHECK_FALSE(t.is_numeric(*t.index("name")));
  CHECK_FALSE(t.has("missing"));
  CHECK_THROWS_WITH(t.numbers("missing"), Catch::Contains("test.csv: no column 'missing'"));
}

TEST_CASE("csv_table: malformed tables name the file and row", "[reports]") {
  CHECK_THROWS_AS(CsvTable::parse("", "e.csv"), ReportInputError);
  CHECK_THROWS_WITH(CsvTable::parse("a,b\n1,2\n3\n", "bad.csv"),
                    Catch::Contains("bad.csv: data row 2 has 1 fields"));
  CHECK_THROWS_WITH(CsvTable::parse("a\n\"open\n", "q.csv"), Catch::Contains("unterminated"));
  CHECK(std::isnan(parse_number("1.5x")));
  CHECK(parse_number(" 2e3 ") == 2000);
}

TEST_CASE("csv_table: strict numbers tell missing values from text that is not a number", "[reports]") {
  for (const char* missing : {"", "NA", " NA ", "NaN", "nan"}) {
    const auto x = parse_number_strict(missing);
    REQUIRE(x);
    CHECK(std::isnan(*x));
  }
  CHECK(parse_number_strict("+2.5\r") == 2.5);
  CHECK(parse_number_strict("-1e-3") == -0.001);
  CHECK_FALSE(parse_number_strict("1.5x"));
  CHECK_FALSE(parse_number_strict("dispersed"));
  CHECK_FALSE(parse_number_strict("+"));
}

TEST_CASE("tidy_csv: identifiers kept, numeric metrics melted, values copied verbatim", "[reports]") {
  const auto t = CsvTable::parse(
      "arm,replication,tick,mechanisms.trade.x,firms,stage_name,share\na,0,1,0.5,10,dispersed,0.1000\n",
      "ts.csv");
  std::ostringstream out;
  write_tidy_csv(out, t);
  CHECK(out.str() ==
        "arm,replication,tick,mechanisms.trade.x,stage_name,metric,value\n"
        "a,0,1,0.5,dispersed,firms,10\n"
        "a,0,1,0.5,dispersed,share,0.1000\n");
}
