#pragma once
/** @file Eigen-decomposition of a small real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * Matrix Computations, 4th ed., §8.5): used for the calibration Hessian (docs/ODD.md 7.59). Pure function,
 * exact to rounding for the few-parameter matrices of a calibration. */
#include <vector>

namespace vicsim::experiments {

/** @brief Eigenvalues in ascending order and their unit eigenvectors (vectors[k] belongs to values[k]). */
struct SymmetricEigen {
  std::vector<double> values;
  std::vector<std::vector<double>> vectors;
};

/**
 * @brief Eigenvalues and eigenvectors of the symmetric matrix `a` (row-major, n×n; only the symmetric part
 * ½(a + aᵀ) is used). Each eigenvector has unit length and its largest-magnitude component positive, so the
 * result does not depend on the sign conventions of the rotations.
 */
SymmetricEigen symmetric_eigen(const std::vector<std::vector<double>>& a);

}  // namespace vicsim::experiments
