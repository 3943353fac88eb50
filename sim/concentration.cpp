#include "sim/concentration.hpp"

#include <algorithm>

namespace vicsim::sim {

double ellison_glaeser(const std::vector<double>& ind, const std::vector<double>& tot, double h) {
  double e_ind = 0.0, e_tot = 0.0;
  for (double v : ind) e_ind += v;
  for (double v : tot) e_tot += v;
  if (e_ind <= 0.0 || e_tot <= 0.0 || h >= 1.0) return 0.0;
  double g = 0.0, sx2 = 0.0;
  for (std::size_t r = 0; r < ind.size(); ++r) {
    const double s = ind[r] / e_ind, x = tot[r] / e_tot;
    g += (s - x) * (s - x);
    sx2 += x * x;
  }
  if (sx2 >= 1.0) return 0.0;
  return (g / (1.0 - sx2) - h) / (1.0 - h);
}

namespace {
struct Employment {
  std::vector<std::vector<double>> by_ind_region;
  std::vector<double> by_region, by_ind, herfindahl;
};

Employment employment(const World& w) {
  Employment e;
  const auto R = w.regions.size(), I = w.industries.size();
  e.by_ind_region.assign(I, std::vector<double>(R, 0.0));
  e.by_region.assign(R, 0.0);
  e.by_ind.assign(I, 0.0);
  e.herfindahl.assign(I, 0.0);
  const Firms& f = w.firms;
  for (FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    e.by_ind_region[idx(f.industry[i])][idx(f.region[i])] += f.employees[i];
    e.by_region[idx(f.region[i])] += f.employees[i];
    e.by_ind[idx(f.industry[i])] += f.employees[i];
  }
  for (FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const double z = f.employees[i] / e.by_ind[idx(f.industry[i])];
    e.herfindahl[idx(f.industry[i])] += z * z;
  }
  return e;
}

double mean_ellison_glaeser(const Employment& e) {
  double num = 0.0, den = 0.0;
  for (std::size_t i = 0; i < e.by_ind.size(); ++i) {
    num += e.by_ind[i] * ellison_glaeser(e.by_ind_region[i], e.by_region, e.herfindahl[i]);
    den += e.by_ind[i];
  }
  return den > 0.0 ? num / den : 0.0;
}

double top_region_share(const Employment& e) {
  double num = 0.0, den = 0.0;
  for (std::size_t i = 0; i < e.by_ind.size(); ++i) {
    if (e.by_ind[i] <= 0) continue;
    num += *std::max_element(e.by_ind_region[i].begin(), e.by_ind_region[i].end());
    den += e.by_ind[i];
  }
  return den > 0 ? num / den : 0.0;
}

}  // namespace

double mean_ellison_glaeser(const World& w) { return mean_ellison_glaeser(employment(w)); }

double top_region_share(const World& w) { return top_region_share(employment(w)); }

ClusterConcentration cluster_concentration(const World& w) {
  const Employment e = employment(w);
  return {mean_ellison_glaeser(e), top_region_share(e)};
}

std::vector<std::vector<double>> location_quotients(const World& w) {
  const Employment e = employment(w);
  double total = 0.0;
  for (double v : e.by_region) total += v;
  auto lq = e.by_ind_region;
  for (std::size_t i = 0; i < lq.size(); ++i)
    for (std::size_t r = 0; r < lq[i].size(); ++r)
      lq[i][r] =
          (e.by_ind[i] > 0 && e.by_region[r] > 0) ? (lq[i][r] / e.by_ind[i]) / (e.by_region[r] / total) : 0.0;
  return lq;
}

}  // namespace vicsim::sim
