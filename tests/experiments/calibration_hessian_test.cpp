#include "experiments/calibration_hessian.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim::experiments;

namespace {
using Matrix = std::vector<std::vector<double>>;
// J(u) = 0.3 + ½ (u − m)ᵀ A (u − m): its Hessian is A everywhere.
double quadratic(const Matrix& a, const std::vector<double>& m, const std::vector<double>& u) {
  double q = 0;
  for (std::size_t i = 0; i < u.size(); ++i)
    for (std::size_t j = 0; j < u.size(); ++j) q += (u[i] - m[i]) * a[i][j] * (u[j] - m[j]);
  return 0.3 + 0.5 * q;
}
}  // namespace

TEST_CASE("calibration_hessian: central differences recover an analytic Hessian", "[experiments]") {
  const Matrix a = {{40, 12, 0}, {12, 30, -5}, {0, -5, 20}};
  const std::vector<double> m = {0.4, 0.55, 0.3};
  int calls = 0;
  const auto r = finite_difference_hessian(
      [&](const std::vector<double>& u) {
        ++calls;
        return quadratic(a, m, u);
      },
      m, 0.05, 0.01, 0.05, 0.1);
  CHECK(calls == 1 + 2 * 3 * 3);  // the centre and 2d² points
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) CHECK(r.hessian[i][j] == Approx(a[i][j]).margin(1e-8));
  // Eigenvalues of A, ascending; none flat: by Gershgorin λ_min ≥ 13 and λ_max ≤ 52, so λ_min/λ_max > 0.01
  // and ½ λ_min 0.1² > 0.05.
  REQUIRE(r.eigenvalues.size() == 3);
  CHECK(r.eigenvalues[0] < r.eigenvalues[1]);
  CHECK(r.eigenvalues[0] + r.eigenvalues[1] + r.eigenvalues[2] == Approx(90.0));  // trace
  CHECK(r.flat_count == 0);
  CHECK(r.ratios[2] == Approx(1.0));

  // A smooth non-quadratic objective: exp(u0) + u0² u1² + sin(u1), H at (0.5, 0.5) known; error O(h²).
  const auto s = finite_difference_hessian(
      [](const std::vector<double>& u) {
        return std::exp(u[0]) + u[0] * u[0] * u[1] * u[1] + std::sin(u[1]);
      },
      {0.5, 0.5}, 0.01, 0.01, 0.05, 0.1);
  CHECK(s.hessian[0][0] == Approx(std::exp(0.5) + 2 * 0.25).epsilon(1e-4));
  CHECK(s.hessian[0][1] == Approx(4 * 0.25).epsilon(1e-4));
  CHECK(s.hessian[1][1] == Approx(2 * 0.25 - std::sin(0.5)).epsilon(1e-3));
}

TEST_CASE("calibration_hessian: a flat direction is flagged, also one no profile shows", "[experiments]") {
  // J depends on u0 + u1 only: both 1-D profiles are curved, but (1, −1)/√2 is exactly flat.
  const auto ridge = finite_difference_hessian(
      [](const std::vector<double>& u) { return 20 * (u[0] + u[1] - 1) * (u[0] + u[1] - 1); }, {0.5, 0.5},
      0.05, 0.01, 0.05, 0.1);
  CHECK(ridge.hessian[0][0] == Approx(40));
  CHECK(ridge.hessian[1][1] == Approx(40));
  CHECK(ridge.eigenvalues[0] == Approx(0).margin(1e-9));
  CHECK(ridge.eigenvalues[1] == Approx(80));
  CHECK(ridge.flat == std::vector<bool>{true, false});
  CHECK(ridge.flat_count == 1);
  CHECK(std::fabs(ridge.eigenvectors[0][0]) == Approx(1 / std::sqrt(2.0)));
  CHECK(ridge.eigenvectors[0][0] == Approx(-ridge.eigenvectors[0][1]));

  // A parameter that does nothing: the direction along it is flat.
  const auto unused =
      finite_difference_hessian([](const std::vector<double>& u) { return 30 * (u[0] - 0.2) * (u[0] - 0.2); },
                                {0.2, 0.7}, 0.05, 0.01, 0.05, 0.1);
  CHECK(unused.flat == std::vector<bool>{true, false});
  CHECK(unused.eigenvectors[0] == std::vector<double>{0, 1});

  // Weak but not zero curvature: flagged by the ratio (λ 0.5 vs 100 < 1%) though ½ λ w² passes a tiny rise.
  const auto weak = analyse_hessian({{100, 0}, {0, 0.5}}, 0.01, 1e-6, 0.1);
  CHECK(weak.flat == std::vector<bool>{true, false});
  CHECK(weak.ratios[0] == Approx(0.005));
  // An objective flat in every direction: flagged by the absolute threshold (2·0.05/0.1² = 10).
  const auto everywhere = analyse_hessian({{2, 0}, {0, 3}}, 0.01, 0.05, 0.1);
  CHECK(everywhere.flat_eigenvalue == Approx(10));
  CHECK(everywhere.flat_count == 2);
  // Negative curvature (not a minimum) is flat too.
  CHECK(analyse_hessian({{-50, 0}, {0, 80}}, 0.01, 0.05, 0.1).flat == std::vector<bool>{true, false});
}

TEST_CASE("calibration_hessian: the stencil stays inside the bounds", "[experiments]") {
  const auto s = hessian_stencil({0.0, 0.5, 0.98}, 0.05);
  CHECK(s.shifted);
  CHECK(s.centre == std::vector<double>{0.05, 0.5, 0.95});
  REQUIRE(s.points.size() == 18);
  for (const auto& p : s.points)
    for (double u : p) {
      CHECK(u >= 0.0);
      CHECK(u <= 1.0 + 1e-12);
    }
  CHECK(s.moved[0] == std::vector<std::size_t>{0});
  CHECK(s.moved[6] == std::vector<std::size_t>{0, 1});
  CHECK_FALSE(hessian_stencil({0.3, 0.5}, 0.05).shifted);
}
