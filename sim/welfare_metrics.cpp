#include "sim/welfare_metrics.hpp"

#include <cmath>

namespace vicsim::sim {

double theil_output_per_worker(const std::vector<double>& output, const std::vector<double>& employees) {
  double y = 0.0, e = 0.0;
  for (std::size_t r = 0; r < output.size(); ++r)
    if (output[r] > 0.0 && employees[r] > 0.0) {
      y += output[r];
      e += employees[r];
    }
  if (y <= 0.0 || e <= 0.0) return 0.0;
  double t = 0.0;
  for (std::size_t r = 0; r < output.size(); ++r)
    if (output[r] > 0.0 && employees[r] > 0.0) {
      const double sy = output[r] / y, se = employees[r] / e;
      t += sy * std::log(sy / se);
    }
  return t;
}

double sme_survival(const Firms& f, const ExitedFirms& gone, double sme_threshold) {
  // Firms compacted away count as gone too (their employees at exit are archived); sums of whole numbers.
  double alive = 0.0, exited = static_cast<double>(gone.count_below(sme_threshold));
  for (FirmIndex i = 0; i < f.size(); ++i) {
    if (f.employees[i] >= sme_threshold) continue;
    if (f.alive[i])
      alive += 1.0;
    else
      exited += f.exit_tick[i] >= 1;  // a warm-up exit not yet compacted away
  }
  return alive + exited > 0.0 ? alive / (alive + exited) : 0.0;
}

void compute_welfare_metrics(const MetricsInput& in, TickMetrics& m) {
  const World& w = *in.world;
  const Firms& f = w.firms;
  m.wage_bill = in.stats.wage_bill;
  m.household_income = in.stats.household_income;
  m.cpi = in.stats.cpi;
  m.real_household_income = in.stats.cpi > 0.0 ? in.stats.household_income / in.stats.cpi : 0.0;
  m.lost_sales_share = in.stats.orders_units > 0.0 ? in.stats.lost_units / in.stats.orders_units : 0.0;
  m.loan_write_offs = in.stats.loan_write_offs;
  m.voucher_windfall = in.stats.voucher_windfall;
  std::vector<double> output(w.regions.size(), 0.0), employees(w.regions.size(), 0.0);
  for (FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    output[idx(f.region[i])] += f.revenue[i].yuan;
    employees[idx(f.region[i])] += f.employees[i];
  }
  m.theil_output_per_worker = theil_output_per_worker(output, employees);
  m.sme_survival = sme_survival(f, w.exited, in.sme_threshold);
  double fees = 0.0, gmv = 0.0;
  for (const auto& pl : w.platforms)
    if (pl.alive || pl.failed_tick == w.tick) {
      fees += pl.revenue.yuan;
      gmv += pl.gmv;
    }
  m.platform_fee_revenue = fees;
  m.fee_share_of_gmv = gmv > 0.0 ? fees / gmv : 0.0;
  for (const auto& pl : w.platforms)
    if ((pl.alive || pl.failed_tick == w.tick) && gmv > 0.0)
      m.platform_gmv_hhi += (pl.gmv / gmv) * (pl.gmv / gmv);
}

}  // namespace vicsim::sim
