// Sensitivity estimators against analytic indices, through the library's own design generators and
// factor mapping (design.hpp, factor_values.hpp) and estimators (sensitivity.hpp).
#include "experiments/sensitivity.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "experiments/design.hpp"
#include "experiments/factor_values.hpp"

using namespace vicsim::experiments;

namespace {

constexpr double kPi = 3.14159265358979323846;

FactorSpec uniform_factor(double lo, double hi) {
  FactorSpec f;
  f.kind = FactorKind::Range;
  f.range = {lo, hi};
  return f;
}

/** Evaluates fn at every design point, mapping unit coordinates through the factors. */
template <class Fn>
std::vector<double> evaluate(const UnitPoints& d, const std::vector<FactorSpec>& factors, Fn fn) {
  std::vector<double> y;
  for (const auto& u : d) {
    std::vector<double> x;
    for (std::size_t j = 0; j < factors.size(); ++j) x.push_back(factor_value(factors[j], u[j]).number);
    y.push_back(fn(x));
  }
  return y;
}

double ishigami(const std::vector<double>& x) {
  const double a = 7, b = 0.1;
  return std::sin(x[0]) + a * std::sin(x[1]) * std::sin(x[1]) + b * std::pow(x[2], 4) * std::sin(x[0]);
}

/** Analytic Ishigami indices (Ishigami & Homma 1990; Saltelli et al. 2008), a = 7, b = 0.1. */
struct Analytic {
  std::vector<double> first, total;
};
Analytic ishigami_indices() {
  const double a = 7, b = 0.1, p4 = std::pow(kPi, 4), p8 = std::pow(kPi, 8);
  const double v1 = 0.5 * std::pow(1 + b * p4 / 5, 2), v2 = a * a / 8, v3 = 0;
  const double v13 = b * b * p8 * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v3 + v13;
  return {{v1 / v, v2 / v, v3 / v}, {(v1 + v13) / v, v2 / v, (v3 + v13) / v}};
}

}  // namespace

TEST_CASE("sensitivity: the analytic Ishigami indices are the published ones", "[experiments]") {
  const auto s = ishigami_indices();
  CHECK(s.first[0] == Approx(0.3139).margin(1e-4));
  CHECK(s.first[1] == Approx(0.4424).margin(1e-4));
  CHECK(s.first[2] == 0.0);
  CHECK(s.total[0] == Approx(0.5576).margin(1e-4));
  CHECK(s.total[1] == Approx(0.4424).margin(1e-4));
  CHECK(s.total[2] == Approx(0.2437).margin(1e-4));
}

TEST_CASE("sensitivity: Sobol indices of the Ishigami function from a Saltelli design", "[experiments]") {
  const std::vector<FactorSpec> factors(3, uniform_factor(-kPi, kPi));
  const std::size_t n = 8192;
  const auto design = saltelli_points(n, 3, 0);
  REQUIRE(design.size() == n * 5);
  const auto y = evaluate(design, factors, ishigami);
  const auto r = sobol_indices(y, 3, 300, 0.95, 42);
  const auto truth = ishigami_indices();
  CHECK(r.samples == n);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("factor " << i << ": S1 " << r.factors[i].first.value << " [" << r.factors[i].first.low << ", "
                   << r.factors[i].first.high << "], ST " << r.factors[i].total.value << " ["
                   << r.factors[i].total.low << ", " << r.factors[i].total.high << "]");
    CHECK(r.factors[i].first.value == Approx(truth.first[i]).margin(0.02));
    CHECK(r.factors[i].total.value == Approx(truth.total[i]).margin(0.02));
    // The bootstrap intervals cover the analytic values.
    CHECK(r.factors[i].first.low <= truth.first[i] + 1e-9);
    CHECK(r.factors[i].first.high >= truth.first[i] - 1e-9);
    CHECK(r.factors[i].total.low <= truth.total[i] + 1e-9);
    CHECK(r.factors[i].total.high >= truth.total[i] - 1e-9);
  }
  // Deterministic: the same inputs give the same bootstrap intervals.
  const auto again = sobol_indices(y, 3, 300, 0.95, 42);
  CHECK(again.factors[2].total.low == r.factors[2].total.low);
}

TEST_CASE("sensitivity: Sobol indices of the Sobol G-function", "[experiments]") {
  const std::vector<double> a = {0, 1, 4.5, 9, 99, 99};
  const std::size_t k = a.size();
  const std::vector<FactorSpec> factors(k, uniform_factor(0, 1));
  auto g = [&](const std::vector<double>& x) {
    double p = 1;
    for (std::size_t i = 0; i < k; ++i) p *= (std::fabs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
    return p;
  };
  // Analytic: V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1, S_Ti = V_i prod_{j != i}(1 + V_j) / V.
  std::vector<double> vi(k);
  double prod = 1;
  for (std::size_t i = 0; i < k; ++i) {
    vi[i] = 1.0 / (3 * (1 + a[i]) * (1 + a[i]));
    prod *= 1 + vi[i];
  }
  const double v = prod - 1;
  const auto design = saltelli_points(8192, k, 0);
  const auto r = sobol_indices(evaluate(design, factors, g), k, 200, 0.95, 7);
  for (std::size_t i = 0; i < k; ++i) {
    const double s1 = vi[i] / v, st = vi[i] * prod / (1 + vi[i]) / v;
    INFO("factor " << i << ": S1 " << r.factors[i].first.value << " vs " << s1 << ", ST "
                   << r.factors[i].total.value << " vs " << st);
    CHECK(r.factors[i].first.value == Approx(s1).margin(0.02));
    CHECK(r.factors[i].total.value == Approx(st).margin(0.02));
  }
}

TEST_CASE("sensitivity: Morris effects of a linear function are exact", "[experiments]") {
  // y = 3 x0 - 2 x1 + 0 x2 on ranges of width 2, 1 and 5: elementary effects per unit-cube step are
  // coefficient × width, with no spread.
  const std::vector<FactorSpec> factors = {uniform_factor(0, 2), uniform_factor(10, 11),
                                           uniform_factor(-1, 4)};
  const auto design = morris_trajectories(20, 3, 4, 5);
  const auto y = evaluate(design, factors, [](const std::vector<double>& x) { return 3 * x[0] - 2 * x[1]; });
  const auto m = morris_indices(design, y, 3, 100, 0.95, 1);
  CHECK(m[0].mu.value == Approx(6));
  CHECK(m[0].mu_star.value == Approx(6));
  CHECK(m[0].sigma.value == Approx(0).margin(1e-9));
  CHECK(m[1].mu.value == Approx(-2));
  CHECK(m[1].mu_star.value == Approx(2));
  CHECK(m[2].mu_star.value == Approx(0).margin(1e-12));
  CHECK(m[0].effects == 20);
}

TEST_CASE("sensitivity: Morris indices of the Ishigami function match their exact expectation",
          "[experiments]") {
  // On a p = 4 grid (unit levels 0, 1/3, 2/3, 1; Δ = 2/3) every coordinate of a trajectory point is
  // uniform over the levels, so the expected μ and μ* of factor i are averages over the two step pairs
  // (0 → 2/3, 1/3 → 1) and all level combinations of the other factors. Computed here independently.
  const std::vector<FactorSpec> factors(3, uniform_factor(-kPi, kPi));
  auto x_of = [](double u) { return -kPi + u * 2 * kPi; };
  const double levels[4] = {0, 1.0 / 3, 2.0 / 3, 1};
  const double delta = 2.0 / 3;
  std::vector<double> mu(3, 0), mu_star(3, 0), second(3, 0);
  for (std::size_t i = 0; i < 3; ++i) {
    int count = 0;
    for (double lo : {0.0, 1.0 / 3})
      for (double o1 : levels)
        for (double o2 : levels) {
          std::vector<double> a(3), b(3);
          std::size_t m = 0;
          for (std::size_t j = 0; j < 3; ++j) {
            if (j == i) {
              a[j] = x_of(lo);
              b[j] = x_of(lo + delta);
            } else {
              a[j] = b[j] = x_of(m++ == 0 ? o1 : o2);
            }
          }
          const double ee = (ishigami(b) - ishigami(a)) / delta;
          mu[i] += ee;
          mu_star[i] += std::fabs(ee);
          second[i] += ee * ee;
          ++count;
        }
    mu[i] /= count;
    mu_star[i] /= count;
    second[i] = std::sqrt(second[i] / count - mu[i] * mu[i]);
  }
  const auto design = morris_trajectories(4000, 3, 4, 11);
  const auto m = morris_indices(design, evaluate(design, factors, ishigami), 3, 200, 0.95, 3);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("factor " << i << ": mu* " << m[i].mu_star.value << " vs " << mu_star[i] << ", sigma "
                   << m[i].sigma.value << " vs " << second[i]);
    CHECK(m[i].mu_star.value == Approx(mu_star[i]).epsilon(0.05));
    CHECK(m[i].mu.value == Approx(mu[i]).margin(0.05 * mu_star[i] + 0.05));
    CHECK(m[i].sigma.value == Approx(second[i]).epsilon(0.05));
    CHECK(m[i].mu_star.low <= m[i].mu_star.value);
    CHECK(m[i].mu_star.high >= m[i].mu_star.value);
  }
  // x3 has no first-order effect but a clear Morris effect through its interaction with x1.
  CHECK(m[2].mu_star.value > 1.0);
}

TEST_CASE("sensitivity: NaN outputs are left out", "[experiments]") {
  const std::vector<FactorSpec> factors(3, uniform_factor(-kPi, kPi));
  const auto design = saltelli_points(1024, 3, 0);
  auto y = evaluate(design, factors, ishigami);
  y[5 * 7 + 2] = std::nan("");  // block 7 is dropped
  const auto r = sobol_indices(y, 3, 0, 0.95, 1);
  CHECK(r.samples == 1023);
  CHECK(std::isnan(r.factors[0].first.low));
}

TEST_CASE("sensitivity: quantile_type7 interpolates like R's default", "[experiments]") {
  CHECK(quantile_type7({1, 2, 3, 4}, 0.5) == Approx(2.5));
  CHECK(quantile_type7({4, 1, 3, 2}, 0.25) == Approx(1.75));
  CHECK(quantile_type7({5}, 0.9) == 5);
}
