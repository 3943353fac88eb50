#pragma once
/** @file Small statistics for reports: means, t confidence intervals and Welch's two-sample interval. */
#include <cstddef>
#include <vector>

namespace vicsim::reports {

/** @brief A mean with its 95% t interval over n observations (NaN bounds when n < 2). */
struct MeanInterval {
  double mean = 0, low = 0, high = 0, sd = 0;
  std::size_t n = 0;
};

/** @brief Mean of the finite values (NaN if none). */
double mean(const std::vector<double>& x);
/** @brief Sample standard deviation (n − 1) of the finite values (NaN if fewer than 2). */
double sample_sd(const std::vector<double>& x);
/** @brief The two-sided quantile t_{1−α/2, df} of Student's t (Boost.Math). */
double t_quantile(double confidence, double df);
/** @brief The two-sided p-value P(|T| > |t|) of Student's t with df degrees of freedom (Boost.Math). */
double t_two_sided_p(double t, double df);
/** @brief Mean and `confidence` t interval of the finite values. */
MeanInterval mean_interval(const std::vector<double>& x, double confidence = 0.95);

/** @brief Difference of two independent means, b − a, with a Welch–Satterthwaite t interval. */
struct WelchInterval {
  double diff = 0, low = 0, high = 0, se = 0, df = 0;
};
/** @brief mean(b) − mean(a) with Welch's interval (NaN bounds if either group has fewer than 2). */
WelchInterval welch_interval(const std::vector<double>& a, const std::vector<double>& b,
                             double confidence = 0.95);

/** @brief mean(b) − mean(a) with the pooled-variance (Student) two-sample interval, df = n_a + n_b − 2: the
 * OLS interval of a regression on a group dummy. Unlike Welch's it exists with a single unit in one group,
 * by assuming that unit varies like the others (NaN bounds if n_a + n_b < 3 or a group is empty). */
WelchInterval pooled_interval(const std::vector<double>& a, const std::vector<double>& b,
                              double confidence = 0.95);

}  // namespace vicsim::reports
