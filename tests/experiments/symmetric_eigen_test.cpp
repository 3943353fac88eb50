#include "experiments/symmetric_eigen.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim::experiments;

TEST_CASE("symmetric_eigen: eigenpairs of a known 3x3 matrix, ascending and A v = λ v", "[experiments]") {
  // Eigenvalues of [[2,1,0],[1,2,1],[0,1,2]] are 2 − √2, 2, 2 + √2.
  const std::vector<std::vector<double>> a = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
  const auto e = symmetric_eigen(a);
  REQUIRE(e.values.size() == 3);
  CHECK(e.values[0] == Approx(2 - std::sqrt(2.0)));
  CHECK(e.values[1] == Approx(2.0));
  CHECK(e.values[2] == Approx(2 + std::sqrt(2.0)));
  for (std::size_t k = 0; k < 3; ++k) {
    double norm = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      double av = 0;
      for (std::size_t j = 0; j < 3; ++j) av += a[i][j] * e.vectors[k][j];
      CHECK(av == Approx(e.values[k] * e.vectors[k][i]).margin(1e-12));
      norm += e.vectors[k][i] * e.vectors[k][i];
    }
    CHECK(norm == Approx(1.0));
  }
  // The middle eigenvector is (1, 0, −1)/√2, sign fixed by its largest component being positive.
  CHECK(e.vectors[1][0] == Approx(1 / std::sqrt(2.0)));
  CHECK(e.vectors[1][2] == Approx(-1 / std::sqrt(2.0)));
}

TEST_CASE("symmetric_eigen: diagonal and empty matrices", "[experiments]") {
  const auto e = symmetric_eigen({{3, 0}, {0, -1}});
  CHECK(e.values == std::vector<double>{-1, 3});
  CHECK(e.vectors[0] == std::vector<double>{0, 1});
  CHECK(symmetric_eigen({}).values.empty());
}
