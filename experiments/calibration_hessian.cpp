#include "experiments/calibration_hessian.hpp"

#include <algorithm>
#include <cmath>

#include "experiments/symmetric_eigen.hpp"

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

HessianAnalysis analyse_hessian(const std::vector<std::vector<double>>& h, double flat_ratio,
                                double flat_rise, double width) {
  HessianAnalysis a;
  a.hessian = h;
  a.flat_ratio = flat_ratio;
  a.flat_eigenvalue = 2.0 * flat_rise / (width * width);
  const auto e = symmetric_eigen(h);
  a.eigenvalues = e.values;
  a.eigenvectors = e.vectors;
  const double top = e.values.empty() ? 0.0 : e.values.back();
  for (double l : e.values) {
    a.ratios.push_back(top > 0 ? l / top : std::nan(""));
    const bool flat = !(l > 0) || !(top > 0) || l < flat_ratio * top || l < a.flat_eigenvalue;
    a.flat.push_back(flat);
    if (flat) ++a.flat_count;
  }
  return a;
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
