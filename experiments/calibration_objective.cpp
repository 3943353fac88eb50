#include "experiments/calibration_objective.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "experiments/calibration_hessian.hpp"
#include "experiments/run_plan.hpp"

namespace vicsim::experiments {

void apply_case_figures(const std::vector<CalibrationTarget>& targets,
                        const std::vector<CaseFigureTotals>& totals, std::vector<std::vector<double>>& kpis,
                        std::vector<KpiMoments>& m) {
  CaseFigureTotals pooled;
  for (const auto& t : totals) pooled += t;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const auto* e = find_case_figure(targets[k].case_figure);
    if (!e) continue;
    std::vector<std::vector<double>> one;
    for (std::size_t r = 0; r < totals.size() && r < kpis.size(); ++r) {
      kpis[r][k] = case_figure_value(totals[r], e->figure);
      one.push_back({kpis[r][k]});
    }
    m[k] = kpi_moments(one).front();
    if (std::isfinite(m[k].mean)) m[k].mean = case_figure_value(pooled, e->figure);
  }
}

double calibration_kpi(const CalibrationTarget& t, const reports::CsvTable& timeseries,
                       const nlohmann::json& summary) {
  const double k = compute_kpi(t.kpi, timeseries, summary);
  if (t.per.empty()) return k;
  const double per = compute_kpi(t.per_kpi, timeseries, summary);
  if (per == 0.0) throw KpiError("target '" + t.name + "': its per KPI '" + t.per + "' is 0 in this run");
  return k / per;
}

std::vector<KpiMoments> kpi_moments(const std::vector<std::vector<double>>& kpis) {
  if (kpis.empty()) return {};
  const std::size_t k = kpis.front().size();
  std::vector<KpiMoments> m(k);
  const double n = static_cast<double>(kpis.size());
  for (std::size_t j = 0; j < k; ++j) {
    double s = 0;
    for (const auto& rep : kpis) s += rep[j];
    m[j].mean = s / n;
    double ss = 0;
    for (const auto& rep : kpis) ss += (rep[j] - m[j].mean) * (rep[j] - m[j].mean);
    m[j].sd = kpis.size() > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
  }
  return m;
}

double calibration_objective(const std::vector<CalibrationTarget>& targets,
                             const std::vector<KpiMoments>& m) {
  double sum = 0, weights = 0;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const auto& t = targets[k];
    if (k >= m.size() || !std::isfinite(m[k].mean)) return kFailedObjective;
    const double d = (m[k].mean - t.value) / t.scale();
    sum += t.weight * d * d;
    weights += t.weight;
  }
  if (!(weights > 0)) return 0.0;
  return std::min(sum / weights, kFailedObjective);
}

std::uint64_t calibration_seed(std::uint64_t master, std::int32_t block, std::int32_t replication) {
  return run_seed(master, static_cast<std::uint64_t>(block), static_cast<std::uint64_t>(replication));
}

std::vector<double> parameter_values(const std::vector<CalibrationParameter>& p,
                                     const std::vector<double>& unit) {
  std::vector<double> v(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double u = std::clamp(unit[i], 0.0, 1.0);
    // The ends map exactly to the bounds (no rounding outside the schema's range).
    v[i] = u >= 1.0 ? p[i].bounds[1] : p[i].bounds[0] + u * (p[i].bounds[1] - p[i].bounds[0]);
  }
  return v;
}

std::vector<double> unit_point(const std::vector<CalibrationParameter>& p,
                               const std::vector<double>& values) {
  std::vector<double> u(p.size());
  for (std::size_t i = 0; i < p.size(); ++i)
    u[i] = std::clamp((values[i] - p[i].bounds[0]) / (p[i].bounds[1] - p[i].bounds[0]), 0.0, 1.0);
  return u;
}

BlockSpread block_spread(const std::vector<double>& x) {
  BlockSpread s;
  if (x.empty()) return s;
  double sum = 0;
  for (double v : x) sum += v;
  s.mean = sum / static_cast<double>(x.size());
  double ss = 0;
  for (double v : x) ss += (v - s.mean) * (v - s.mean);
  s.sd = x.size() > 1 ? std::sqrt(ss / static_cast<double>(x.size() - 1)) : 0.0;
  s.min = *std::min_element(x.begin(), x.end());
  s.max = *std::max_element(x.begin(), x.end());
  return s;
}

ProfileSummary profile_summary(const std::vector<double>& offsets, const std::vector<double>& objectives,
                               double at_optimum, double flat_rise) {
  ProfileSummary s;
  // The quadratic through the optimum (offset 0) and the profile points, by least squares: the 1-D case of
  // the calibration Hessian's fit (all points, whatever their distance).
  std::vector<std::vector<double>> xs;
  for (double x : offsets) xs.push_back({x});
  xs.push_back({0.0});
  std::vector<double> ys = objectives;
  ys.push_back(at_optimum);
  const auto q = quadratic_fit_hessian(xs, ys, {0.0}, std::numeric_limits<double>::infinity());
  s.curvature = q.ok ? q.hessian[0][0] : 0.0;
  for (double y : objectives) {
    s.rise = std::max(s.rise, y - at_optimum);
    if (y < at_optimum) s.lower_found = true;
  }
  s.flat = s.rise < flat_rise;
  return s;
}

}  // namespace vicsim::experiments
