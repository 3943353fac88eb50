#include "reports/paired_comparison.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace vicsim::reports {

PairedRow paired_statistics(const std::vector<double>& a, const std::vector<double>& b) {
  PairedRow r;
  r.n = std::min(a.size(), b.size());
  if (r.n == 0) return r;
  double sa = 0, sb = 0, sd = 0;
  for (std::size_t i = 0; i < r.n; ++i) {
    sa += a[i];
    sb += b[i];
    sd += b[i] - a[i];
  }
  const double n = static_cast<double>(r.n);
  r.mean_a = sa / n;
  r.mean_b = sb / n;
  r.diff = sd / n;
  double ss = 0;
  for (std::size_t i = 0; i < r.n; ++i) ss += (b[i] - a[i] - r.diff) * (b[i] - a[i] - r.diff);
  if (r.n < 2) {
    r.ci_low = r.ci_high = r.diff;
    return r;
  }
  r.sd_diff = std::sqrt(ss / (n - 1));
  const double se = r.sd_diff / std::sqrt(n);
  const boost::math::students_t t(n - 1);
  const double q = boost::math::quantile(t, 0.975);
  r.ci_low = r.diff - q * se;
  r.ci_high = r.diff + q * se;
  if (se > 0) {
    r.effect_size = r.diff / r.sd_diff;
    r.p_value = 2.0 * boost::math::cdf(boost::math::complement(t, std::fabs(r.diff / se)));
  } else {
    r.effect_size = r.diff == 0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), r.diff);
    r.p_value = r.diff == 0 ? 1.0 : 0.0;
  }
  return r;
}

long NumericTable::find(const std::string& name) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<long>(i);
  return -1;
}

NumericTable read_numeric_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  NumericTable t;
  std::string line;
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string cell;
    while (std::getline(ss, cell, ',')) out.push_back(cell);
    if (!s.empty() && s.back() == ',') out.emplace_back();
    return out;
  };
  if (!std::getline(in, line)) throw std::runtime_error(path + ": empty file");
  t.names = split(line);
  t.columns.assign(t.names.size(), {});
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto cells = split(line);
    cells.resize(t.names.size());
    for (std::size_t k = 0; k < cells.size(); ++k) {
      char* end = nullptr;
      const double v = std::strtod(cells[k].c_str(), &end);
      t.columns[k].push_back(end != cells[k].c_str() && *end == '\0' ? v : std::nan(""));
    }
    t.text.push_back(std::move(cells));
  }
  return t;
}

}  // namespace vicsim::reports
