#pragma once
/** @file Paired comparison of two arms run with common random numbers: per KPI and tick, the arms'
 * means, the mean difference (B − A) with a 95% t confidence interval, Cohen's d_z and a p-value. */
#include <string>
#include <vector>

namespace vicsim::reports {

/** @brief One KPI at one tick. */
struct PairedRow {
  std::string kpi;
  double tick = 0;
  std::size_t n = 0;
  double mean_a = 0, mean_b = 0, diff = 0, ci_low = 0, ci_high = 0, sd_diff = 0, effect_size = 0, p_value = 1;
};

/** @brief Paired statistics of b[i] − a[i]. Needs n ≥ 2; a zero-variance difference gives a zero-width
 * interval, effect size ±inf (0 if the difference is 0) and p-value 0 (1 if the difference is 0). */
PairedRow paired_statistics(const std::vector<double>& a, const std::vector<double>& b);

/** @brief A table read from a CSV file with a header: column name → values (numbers; NA/text → NaN). */
struct NumericTable {
  std::vector<std::string> names;
  std::vector<std::vector<double>> columns;
  std::vector<std::vector<std::string>> text;  ///< raw cells, row-major
  /** @brief Index of a column by name, or -1. */
  long find(const std::string& name) const;
};

/** @brief Reads a CSV written by vicsim (no quoted commas in numeric files). Throws on I/O errors. */
NumericTable read_numeric_csv(const std::string& path);

}  // namespace vicsim::reports
