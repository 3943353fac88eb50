#include "experiments/calibration_hessian.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace vicsim::experiments {

HessianStencil hessian_stencil(const std::vector<double>& optimum, double step) {
  HessianStencil s;
  s.step = step;
  const std::size_t d = optimum.size();
  for (double u : optimum) {
    // Every stencil point stays inside the unit cube (the bounds), where the model is defined.
    const double c = std::clamp(u, step, 1.0 - step);
    s.shifted = s.shifted || c != u;
    s.centre.push_back(c);
  }
  for (std::size_t i = 0; i < d; ++i)
    for (double side : {1.0, -1.0}) {
      auto p = s.centre;
      p[i] += side * step;
      s.points.push_back(p);
      s.moved.push_back({i});
    }
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = i + 1; j < d; ++j)
      for (double si : {1.0, -1.0})
        for (double sj : {1.0, -1.0}) {
          auto p = s.centre;
          p[i] += si * step;
          p[j] += sj * step;
          s.points.push_back(p);
          s.moved.push_back({i, j});
        }
  return s;
}

std::vector<std::vector<double>> hessian_from_stencil(const HessianStencil& s, double f0,
                                                      const std::vector<double>& f) {
  const std::size_t d = s.centre.size();
  const double h2 = s.step * s.step;
  std::vector<std::vector<double>> h(d, std::vector<double>(d, 0.0));
  std::size_t k = 0;
  for (std::size_t i = 0; i < d; ++i, k += 2) h[i][i] = (f[k] - 2.0 * f0 + f[k + 1]) / h2;
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = i + 1; j < d; ++j, k += 4)
      h[i][j] = h[j][i] = (f[k] - f[k + 1] - f[k + 2] + f[k + 3]) / (4.0 * h2);
  return h;
}

QuadraticFit quadratic_fit_hessian(const std::vector<std::vector<double>>& points,
                                   const std::vector<double>& values, const std::vector<double>& centre,
                                   double radius) {
  QuadraticFit q;
  const std::size_t d = centre.size();
  std::vector<std::size_t> near;
  for (std::size_t k = 0; k < points.size(); ++k) {
    bool inside = std::isfinite(values[k]);
    for (std::size_t i = 0; i < d && inside; ++i) inside = std::fabs(points[k][i] - centre[i]) <= radius;
    if (inside) near.push_back(k);
  }
  q.points = near.size();
  // Columns: 1, x_i, then ½ x_i² (coefficient H_ii) and x_i x_j for i < j (coefficient H_ij).
  const std::size_t cols = 1 + d + d * (d + 1) / 2;
  if (near.size() < cols) return q;
  const auto rows = static_cast<Eigen::Index>(near.size());
  Eigen::MatrixXd x(rows, static_cast<Eigen::Index>(cols));
  Eigen::VectorXd y(rows);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const auto k = near[static_cast<std::size_t>(r)];
    std::vector<double> dx(d);
    for (std::size_t i = 0; i < d; ++i) dx[i] = points[k][i] - centre[i];
    Eigen::Index c = 0;
    x(r, c++) = 1.0;
    for (std::size_t i = 0; i < d; ++i) x(r, c++) = dx[i];
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = i; j < d; ++j) x(r, c++) = i == j ? 0.5 * dx[i] * dx[i] : dx[i] * dx[j];
    y(r) = values[k];
  }
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
  if (qr.rank() < static_cast<Eigen::Index>(cols)) return q;
  const Eigen::VectorXd beta = qr.solve(y);
  q.hessian.assign(d, std::vector<double>(d, 0.0));
  Eigen::Index c = static_cast<Eigen::Index>(1 + d);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = i; j < d; ++j) q.hessian[i][j] = q.hessian[j][i] = beta(c++);
  const auto spare = rows - static_cast<Eigen::Index>(cols);
  q.residual_sd = spare > 0 ? std::sqrt((x * beta - y).squaredNorm() / static_cast<double>(spare)) : 0.0;
  q.ok = true;
  return q;
}

HessianAnalysis analyse_hessian(const std::vector<std::vector<double>>& h, double flat_ratio,
                                double flat_rise, double width) {
  HessianAnalysis a;
  a.hessian = h;
  a.flat_ratio = flat_ratio;
  a.flat_eigenvalue = 2.0 * flat_rise / (width * width);
  const auto n = static_cast<Eigen::Index>(h.size());
  if (n == 0) return a;
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)  // the symmetric part: exact for a stencil's H
      m(i, j) = 0.5 * (h[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] +
                       h[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)]);
  // Eigen's self-adjoint solver returns the eigenvalues in ascending order with orthonormal eigenvectors.
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(m);
  for (Eigen::Index k = 0; k < n; ++k) {
    a.eigenvalues.push_back(es.eigenvalues()(k));
    std::vector<double> vec(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) vec[static_cast<std::size_t>(i)] = es.eigenvectors()(i, k);
    // Sign fixed by the largest component (the first of those equal to it within rounding) being positive:
    // the result does not depend on the solver's sign convention.
    const double top = es.eigenvectors().col(k).cwiseAbs().maxCoeff();
    std::size_t big = 0;
    while (std::fabs(vec[big]) < top - 1e-9) ++big;
    if (vec[big] < 0)
      for (double& x : vec) x = -x;
    for (double& x : vec)
      if (std::fabs(x) < 1e-15) x = 0.0;  // exact zeros stay zero (no -0, no rounding residue)
    a.eigenvectors.push_back(std::move(vec));
  }
  const double top = a.eigenvalues.empty() ? 0.0 : a.eigenvalues.back();
  for (double l : a.eigenvalues) {
    a.ratios.push_back(top > 0 ? l / top : std::nan(""));
    const bool flat = !(l > 0) || !(top > 0) || l < flat_ratio * top || l < a.flat_eigenvalue;
    a.flat.push_back(flat);
    if (flat) ++a.flat_count;
  }
  return a;
}

double flat_threshold(double flat_rise, double noise_sds, double residual_sd) {
  return std::max(flat_rise, noise_sds * residual_sd);
}

HessianAnalysis finite_difference_hessian(const std::function<double(const std::vector<double>&)>& f,
                                          const std::vector<double>& optimum, double step, double flat_ratio,
                                          double flat_rise, double width) {
  const auto s = hessian_stencil(optimum, step);
  const double f0 = f(s.centre);
  std::vector<double> fs;
  for (const auto& p : s.points) fs.push_back(f(p));
  return analyse_hessian(hessian_from_stencil(s, f0, fs), flat_ratio, flat_rise, width);
}

}  // namespace vicsim::experiments
