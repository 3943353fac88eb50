#pragma once
/** @file The finite-difference Hessian of the calibration objective at the optimum and its eigen-analysis
 * (docs/ODD.md 7.59): central differences in unit-cube (scaled parameter) coordinates on the common-random-
 * number objective of seed block 0, eigenvalues and eigenvectors, and the flat directions the targets do not
 * pin down. Pure functions; the calibrate command evaluates the stencil through its resumable evaluator. */
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace vicsim::experiments {

/** @brief Where the objective is evaluated: the centre and the 2d² central-difference points around it. */
struct HessianStencil {
  std::vector<double>
      centre;            ///< unit cube; the optimum moved inward to lie at least `step` from every bound
  bool shifted = false;  ///< the centre is not the optimum (the optimum lies within `step` of a bound)
  double step = 0;       ///< h, unit-cube units (share of each parameter's range), the same for all
  /** @brief The points in evaluation order: for i = 0..d−1, centre ± h e_i (+ first); then for i < j,
   * centre + (±h e_i) + (±h e_j) in the order (+,+), (+,−), (−,+), (−,−). */
  std::vector<std::vector<double>> points;
  /** @brief The parameters each point moves: {i} or {i, j}. */
  std::vector<std::vector<std::size_t>> moved;
};

/** @brief The stencil around `optimum` (unit cube) with step h in (0, 0.5]. */
HessianStencil hessian_stencil(const std::vector<double>& optimum, double step);

/**
 * @brief The Hessian from the objective at the centre and at the stencil points (same order as
 * `stencil.points`): H_ii = (f(+h e_i) − 2 f(c) + f(−h e_i)) / h², H_ij = (f(++) − f(+−) − f(−+) + f(−−)) /
 * (4h²). Unit: objective per (share of range)². Exact for a quadratic objective.
 */
std::vector<std::vector<double>> hessian_from_stencil(const HessianStencil& stencil, double at_centre,
                                                      const std::vector<double>& at_points);

/** @brief A quadratic fitted by least squares to evaluations near a centre (docs/ODD.md 7.74). */
struct QuadraticFit {
  bool ok = false;  ///< enough points in general position: the design has full column rank
  std::vector<std::vector<double>> hessian;  ///< H of the fitted quadratic, objective per (share of range)²
  std::size_t points = 0;                    ///< evaluations within the radius that were used
  double residual_sd = 0;  ///< sd of the residuals (objective units; 0 with no spare points)
};

/**
 * @brief Fits J(u) ≈ a + bᵀ(u − c) + ½ (u − c)ᵀ H (u − c) by least squares (Eigen's column-pivoting
 * Householder QR) to every evaluation (`points[k]`, `values[k]`, unit cube) with max_i |u_i − c_i| ≤
 * `radius`, and returns H. Unlike central differences, the centre's value enters as one point among many,
 * so a centre that is the lowest of many noisy evaluations (a selected minimum) biases H much less. Not
 * `ok` when fewer than 1 + d + d(d+1)/2 points, or points that do not determine every coefficient, lie
 * within the radius.
 */
QuadraticFit quadratic_fit_hessian(const std::vector<std::vector<double>>& points,
                                   const std::vector<double>& values, const std::vector<double>& centre,
                                   double radius);

/** @brief The eigen-analysis of a Hessian and its flat directions. */
struct HessianAnalysis {
  std::vector<std::vector<double>> hessian;       ///< H, objective per (share of range)²
  std::vector<double> eigenvalues;                ///< ascending
  std::vector<std::vector<double>> eigenvectors;  ///< unit vectors in unit-cube coordinates, one per value
  std::vector<double> ratios;                     ///< λ_k / λ_max (NaN when λ_max ≤ 0)
  std::vector<bool> flat;                         ///< direction k is flat (see analyse_hessian)
  double flat_ratio = 0;                          ///< the relative threshold used
  double flat_eigenvalue = 0;                     ///< the absolute threshold used: 2·flat_rise / width²
  std::size_t flat_count = 0;
};

/**
 * @brief Eigenvalues and eigenvectors of `h` and its flat directions. Direction k is flat when
 * λ_k < flat_ratio · λ_max (poorly determined relative to the best-determined direction), or when
 * ½ λ_k width² < flat_rise (moving `width` along it raises the objective by less than the profiles'
 * flat_rise, so an objective that is flat in every direction is flagged too). λ_k ≤ 0 is always flat.
 */
HessianAnalysis analyse_hessian(const std::vector<std::vector<double>>& h, double flat_ratio,
                                double flat_rise, double width);

/**
 * @brief The rise below which a profile or an eigen-direction counts as flat: `flat_rise`, or `noise_sds`
 * residual sds of the least-squares Hessian fit when that is larger (a rise the objective's seed noise
 * could make does not show that the targets pin a parameter down). `residual_sd` is 0 without such a fit.
 */
double flat_threshold(double flat_rise, double noise_sds, double residual_sd);

/** @brief Stencil, evaluation (in stencil order: centre first, then the points) and analysis in one call,
 * for an objective given as a function of the unit-cube point. */
HessianAnalysis finite_difference_hessian(const std::function<double(const std::vector<double>&)>& f,
                                          const std::vector<double>& optimum, double step, double flat_ratio,
                                          double flat_rise, double width);

}  // namespace vicsim::experiments
