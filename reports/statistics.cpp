#include "reports/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "reports/double_precision_policy.hpp"

namespace vicsim::reports {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double mean(const std::vector<double>& x) {
  double s = 0;
  std::size_t n = 0;
  for (double v : x)
    if (std::isfinite(v)) {
      s += v;
      ++n;
    }
  return n ? s / static_cast<double>(n) : kNaN;
}

double sample_sd(const std::vector<double>& x) {
  const double m = mean(x);
  double ss = 0;
  std::size_t n = 0;
  for (double v : x)
    if (std::isfinite(v)) {
      ss += (v - m) * (v - m);
      ++n;
    }
  return n >= 2 ? std::sqrt(ss / static_cast<double>(n - 1)) : kNaN;
}

double t_quantile(double confidence, double df) {
  if (!(df > 0)) return kNaN;
  const boost::math::students_t_distribution<double, DoublePolicy> dist(df);
  return boost::math::quantile(dist, 0.5 + confidence / 2.0);
}

double t_two_sided_p(double t, double df) {
  if (!(df > 0)) return kNaN;
  const boost::math::students_t_distribution<double, DoublePolicy> dist(df);
  return 2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
}

MeanInterval mean_interval(const std::vector<double>& x, double confidence) {
  MeanInterval r;
  for (double v : x) r.n += std::isfinite(v) ? 1 : 0;
  r.mean = mean(x);
  r.sd = sample_sd(x);
  if (r.n < 2) {
    r.low = r.high = kNaN;
    return r;
  }
  const double half =
      t_quantile(confidence, static_cast<double>(r.n - 1)) * r.sd / std::sqrt(static_cast<double>(r.n));
  r.low = r.mean - half;
  r.high = r.mean + half;
  return r;
}

WelchInterval welch_interval(const std::vector<double>& a, const std::vector<double>& b, double confidence) {
  const MeanInterval ma = mean_interval(a), mb = mean_interval(b);
  WelchInterval w;
  w.diff = mb.mean - ma.mean;
  if (ma.n < 2 || mb.n < 2) {
    w.low = w.high = w.se = w.df = kNaN;
    return w;
  }
  const double va = ma.sd * ma.sd / static_cast<double>(ma.n), vb = mb.sd * mb.sd / static_cast<double>(mb.n);
  w.se = std::sqrt(va + vb);
  if (w.se == 0) {
    w.df = static_cast<double>(ma.n + mb.n - 2);
    w.low = w.high = w.diff;
    return w;
  }
  w.df = (va + vb) * (va + vb) /
         (va * va / static_cast<double>(ma.n - 1) + vb * vb / static_cast<double>(mb.n - 1));
  const double half = t_quantile(confidence, w.df) * w.se;
  w.low = w.diff - half;
  w.high = w.diff + half;
  return w;
}

WelchInterval pooled_interval(const std::vector<double>& a, const std::vector<double>& b, double confidence) {
  const MeanInterval ma = mean_interval(a), mb = mean_interval(b);
  WelchInterval w;
  w.diff = mb.mean - ma.mean;
  if (ma.n < 1 || mb.n < 1 || ma.n + mb.n < 3) {
    w.low = w.high = w.se = w.df = kNaN;
    return w;
  }
  double ss = 0;
  for (double v : a)
    if (std::isfinite(v)) ss += (v - ma.mean) * (v - ma.mean);
  for (double v : b)
    if (std::isfinite(v)) ss += (v - mb.mean) * (v - mb.mean);
  w.df = static_cast<double>(ma.n + mb.n - 2);
  w.se = std::sqrt(ss / w.df * (1.0 / static_cast<double>(ma.n) + 1.0 / static_cast<double>(mb.n)));
  const double half = t_quantile(confidence, w.df) * w.se;
  w.low = w.diff - half;
  w.high = w.diff + half;
  return w;
}

}  // namespace vicsim::reports
