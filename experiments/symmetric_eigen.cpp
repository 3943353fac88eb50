#include "experiments/symmetric_eigen.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vicsim::experiments {

SymmetricEigen symmetric_eigen(const std::vector<std::vector<double>>& a_in) {
  const std::size_t n = a_in.size();
  std::vector<std::vector<double>> a(n, std::vector<double>(n)), v(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    v[i][i] = 1.0;
    for (std::size_t j = 0; j < n; ++j) a[i][j] = 0.5 * (a_in[i][j] + a_in[j][i]);
  }
  // Cyclic Jacobi sweeps: each rotation zeroes a[p][q]; converges quadratically. 100 sweeps is far more
  // than an n ≤ 50 matrix needs; the loop ends when the off-diagonal part is negligible.
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0, scale = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) (i == j ? scale : off) += a[i][j] * a[i][j];
    if (off <= 1e-30 * std::max(scale, 1e-300)) break;
    for (std::size_t p = 0; p + 1 < n; ++p)
      for (std::size_t q = p + 1; q < n; ++q) {
        if (a[p][q] == 0.0) continue;
        const double theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1.0));
        const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
        for (std::size_t k = 0; k < n; ++k) {  // A ← A J (columns p, q)
          const double akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (std::size_t k = 0; k < n; ++k) {  // A ← Jᵀ A (rows p, q)
          const double apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (std::size_t k = 0; k < n; ++k) {  // V ← V J
          const double vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return a[x][x] < a[y][y]; });
  SymmetricEigen e;
  for (std::size_t k : order) {
    e.values.push_back(a[k][k]);
    std::vector<double> vec(n);
    std::size_t big = 0;
    for (std::size_t i = 0; i < n; ++i) {
      vec[i] = v[i][k];
      if (std::fabs(vec[i]) > std::fabs(vec[big])) big = i;
    }
    if (n > 0 && vec[big] < 0)
      for (double& x : vec) x = -x;
    e.vectors.push_back(std::move(vec));
  }
  return e;
}

}  // namespace vicsim::experiments
