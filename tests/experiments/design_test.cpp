#include "experiments/design.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "experiments/factor_values.hpp"
#include "experiments/run_plan.hpp"

using namespace vicsim::experiments;

TEST_CASE("design: full factorial enumerates every combination, last factor fastest", "[experiments]") {
  const auto d = full_factorial({2, 3});
  REQUIRE(d.size() == 6);
  CHECK(d[0] == std::vector<double>{0, 0});
  CHECK(d[1] == std::vector<double>{0, 0.5});
  CHECK(d[2] == std::vector<double>{0, 1});
  CHECK(d[3] == std::vector<double>{1, 0});
  CHECK(full_factorial({1})[0][0] == 0.5);
}

TEST_CASE("design: a Latin hypercube hits every stratum of every factor once", "[experiments]") {
  const std::size_t n = 20, k = 4;
  const auto d = latin_hypercube(n, k, 99);
  REQUIRE(d.size() == n);
  for (std::size_t j = 0; j < k; ++j) {
    std::set<long> strata;
    for (const auto& p : d) strata.insert(static_cast<long>(std::floor(p[j] * n)));
    CHECK(strata.size() == n);
  }
  CHECK(latin_hypercube(n, k, 99) == d);   // reproducible
  CHECK(latin_hypercube(n, k, 100) != d);  // and seeded
}

TEST_CASE("design: Morris trajectories move one factor by delta per step", "[experiments]") {
  const std::size_t r = 10, k = 5, p = 4;
  const auto d = morris_trajectories(r, k, p, 3);
  REQUIRE(d.size() == r * (k + 1));
  const double delta = p / (2.0 * (p - 1));
  for (std::size_t t = 0; t < r; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t m = 0; m < k; ++m) {
      const auto& a = d[t * (k + 1) + m];
      const auto& b = d[t * (k + 1) + m + 1];
      std::size_t changes = 0;
      for (std::size_t j = 0; j < k; ++j) {
        CHECK(a[j] >= 0.0);
        CHECK(a[j] <= 1.0);
        if (a[j] != b[j]) {
          ++changes;
          moved.insert(j);
          CHECK(std::fabs(b[j] - a[j]) == Approx(delta));
        }
      }
      CHECK(changes == 1);
    }
    CHECK(moved.size() == k);  // each factor once per trajectory
  }
}

TEST_CASE("design: Saltelli blocks are A, B and A with one column from B", "[experiments]") {
  const std::size_t n = 16, k = 3;
  const auto d = saltelli_points(n, k, 0);
  REQUIRE(d.size() == n * (k + 2));
  for (std::size_t j = 0; j < n; ++j) {
    const auto& a = d[j * (k + 2)];
    const auto& b = d[j * (k + 2) + 1];
    for (std::size_t i = 0; i < k; ++i) {
      const auto& ab = d[j * (k + 2) + 2 + i];
      for (std::size_t c = 0; c < k; ++c) CHECK(ab[c] == (c == i ? b[c] : a[c]));
    }
  }
  // The first Sobol point after the origin is the centre of the cube.
  CHECK(d[0] == std::vector<double>{0.5, 0.5, 0.5});
  CHECK(saltelli_points(4, k, 1)[0] == d[k + 2]);  // skip drops whole points
}

TEST_CASE("design: factor values from ranges, levels and distributions", "[experiments]") {
  FactorSpec r;
  r.kind = FactorKind::Range;
  r.range = {10, 20};
  CHECK(factor_value(r, 0.25).number == 12.5);
  CHECK(factor_value(r, 0.25).set_text == "12.5");
  r.integer = true;
  CHECK(factor_value(r, 0.26).set_text == "13");

  FactorSpec l;
  l.kind = FactorKind::Levels;
  l.levels = nlohmann::json::parse(R"([true, "north", 3])");
  CHECK(factor_value(l, 0.0).set_text == "true");
  CHECK(factor_value(l, 0.5).set_text == "\"north\"");
  CHECK(factor_value(l, 0.5).csv_text == "north");
  CHECK(factor_value(l, 0.5).number == 1);
  CHECK(factor_value(l, 1.0).number == 3);

  FactorSpec n;
  n.kind = FactorKind::Distribution;
  n.distribution.type = "normal";
  n.distribution.mean = 5;
  n.distribution.sd = 2;
  CHECK(factor_value(n, 0.5).number == Approx(5));
  CHECK(factor_value(n, 0.975).number == Approx(5 + 2 * 1.959964).epsilon(1e-6));
  CHECK(std::isfinite(factor_value(n, 0.0).number));  // the tails are clamped to 0.1% / 99.9%
  n.distribution.type = "triangular";
  n.distribution.min = 0;
  n.distribution.mode = 0;
  n.distribution.max = 1;
  CHECK(factor_value(n, 0.75).number == Approx(0.5));
}

TEST_CASE("run_plan: seeds depend on master seed, point and replication only", "[experiments]") {
  CHECK(run_seed(1, 2, 3) == run_seed(1, 2, 3));
  CHECK(run_seed(1, 2, 3) != run_seed(1, 3, 2));
  CHECK(run_seed(1, 2, 3) != run_seed(2, 2, 3));
  std::set<std::uint64_t> seen;
  for (std::uint64_t p = 0; p < 100; ++p)
    for (std::uint64_t r = 0; r < 10; ++r) {
      const auto s = run_seed(42, p, r);
      CHECK(s < (1ULL << 53));
      seen.insert(s);
    }
  CHECK(seen.size() == 1000);

  Experiment e;
  e.replications = 3;
  e.seed = 42;
  FactorSpec f;
  f.path = "mechanisms.trade.markup";
  f.kind = FactorKind::Range;
  f.range = {0, 1};
  e.factors = {f};
  e.set = {"ticks=12"};
  const auto runs = plan_runs(e, {{0.0}, {1.0}});
  REQUIRE(runs.size() == 6);
  CHECK(runs[4].run_id == 4);
  CHECK(runs[4].point == 1);
  CHECK(runs[4].replication == 1);
  CHECK(runs[4].seed == run_seed(42, 1, 1));
  CHECK(runs[4].sets == std::vector<std::string>{"ticks=12", "mechanisms.trade.markup=1"});
  e.common_random_numbers = true;
  const auto crn = plan_runs(e, {{0.0}, {1.0}});
  CHECK(crn[4].seed == crn[1].seed);
}
