// The transaction-cost parts table (sim/tick_metrics.cpp: transaction_cost_columns): one list of every part
// of TransactionCostParts, summed by the metrics pass and written as timeseries.csv columns.
#include "sim/tick_metrics.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace vicsim::sim;

TEST_CASE("tick metrics: the transaction-cost table names every part once and feeds the columns", "[sim]") {
  const auto& table = transaction_cost_columns();
  // Every part of TransactionCostParts is in the table (a part added without a row would be dropped).
  CHECK(table.size() * sizeof(double) == sizeof(TransactionCostParts));
  // Each row reads its own part and fills its own metric: set part k alone, only row k sees it.
  for (std::size_t k = 0; k < table.size(); ++k) {
    TransactionCostParts parts;
    parts.*table[k].part = 1.0;
    TickMetrics m;
    m.*table[k].member = 1.0;
    for (std::size_t j = 0; j < table.size(); ++j) {
      CHECK((parts.*table[j].part == 1.0) == (j == k));
      CHECK((m.*table[j].member == 1.0) == (j == k));
    }
  }
  // timeseries.csv writes the rows in table order, contiguously, in yuan per unit, named after the part.
  const auto& cols = columns();
  const auto first =
      std::find_if(cols.begin(), cols.end(), [&](const Column& c) { return c.name == table[0].name; });
  REQUIRE(first != cols.end());
  REQUIRE(static_cast<std::size_t>(cols.end() - first) >= table.size());
  std::set<std::string> names;
  for (std::size_t k = 0; k < table.size(); ++k) {
    CHECK(first[k].name == table[k].name);
    CHECK(first[k].member == table[k].member);
    CHECK(first[k].unit == "yuan/unit");
    CHECK(table[k].name.substr(0, 3) == "tc_");
    names.insert(std::string(table[k].name));
  }
  CHECK(names.size() == table.size());
}
