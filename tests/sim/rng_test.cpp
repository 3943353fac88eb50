#include "sim/rng.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "sim/distributions.hpp"
#include "sim/tail_exponent.hpp"

using namespace vicsim::sim;

TEST_CASE("rng: same key gives the same stream, other keys differ", "[sim]") {
  Rng a(7, Stream::Search, 12, 3), b(7, Stream::Search, 12, 3);
  for (int i = 0; i < 100; ++i) REQUIRE(a.next_u64() == b.next_u64());
  Rng c(7, Stream::Search, 13, 3), d(7, Stream::Search, 12, 4), e(7, Stream::Imitation, 12, 3),
      f(8, Stream::Search, 12, 3);
  const auto x = Rng(7, Stream::Search, 12, 3).next_u64();
  CHECK(c.next_u64() != x);
  CHECK(d.next_u64() != x);
  CHECK(e.next_u64() != x);
  CHECK(f.next_u64() != x);
}

TEST_CASE("rng: uniform has mean 1/2 and below(n) stays in range", "[sim]") {
  Rng r(1, Stream::Demand, 0, 0);
  double s = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    s += u;
  }
  CHECK(s / n == Approx(0.5).margin(0.005));
  for (int i = 0; i < 10000; ++i) REQUIRE(r.below(7) < 7);
}

TEST_CASE("distributions: normal, poisson and exponential moments", "[sim]") {
  Rng r(3, Stream::Demand, 1, 1);
  const int n = 100000;
  double s = 0, s2 = 0, p = 0, e = 0;
  for (int i = 0; i < n; ++i) {
    const double x = normal(r, 2.0, 3.0);
    s += x;
    s2 += x * x;
    p += poisson(r, 4.5);
    e += exponential(r, 2.0);
  }
  CHECK(s / n == Approx(2.0).margin(0.05));
  CHECK(std::sqrt(s2 / n - (s / n) * (s / n)) == Approx(3.0).margin(0.05));
  CHECK(p / n == Approx(4.5).margin(0.05));
  CHECK(e / n == Approx(0.5).margin(0.01));
}

TEST_CASE("distributions: bounded Pareto stays in bounds and has the Zipf tail", "[sim]") {
  Rng r(5, Stream::Population, 0, 0);
  std::vector<double> v;
  for (int i = 0; i < 200000; ++i) {
    const double x = bounded_pareto(r, 1.0, 1.0, 1e7);
    REQUIRE(x >= 1.0);
    REQUIRE(x <= 1e7);
    v.push_back(x);
  }
  // Hill on the top 1% of an (almost untruncated) Pareto(1) sample recovers alpha ≈ 1.
  CHECK(hill_tail_exponent(v, 0.01) == Approx(1.0).margin(0.12));
}
