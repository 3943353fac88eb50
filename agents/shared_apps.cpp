#include "agents/shared_apps.hpp"

#include <algorithm>
#include <vector>

namespace vicsim::agents {

namespace {
bool hosts_apps(const ModelContext& c, const sim::Platform& pl) {
  return c.params.apps.enabled && pl.alive && pl.services.knowledge && pl.app_stock > 0.0;
}
}  // namespace

double app_saving_share(const ModelContext& c, std::size_t p) {
  const sim::Platform& pl = c.world.platforms[p];
  if (!hosts_apps(c, pl)) return 0.0;
  const auto& ap = c.params.apps;
  // Diminishing returns: the first apps cover the common order-cycle chores, later ones niche processes.
  // Apps run on the platform's data centre, so an overloaded platform serves them slower (7.23).
  return ap.saving_max * pl.app_stock / (pl.app_stock + ap.half_apps) / std::max(1.0, pl.congestion);
}

double subscriber_saving(const ModelContext& c, sim::FirmIndex i) {
  const std::int32_t p = c.world.firms.app_platform[i];
  if (p < 0 || !c.world.firms.member_of(i, static_cast<std::size_t>(p))) return 0.0;
  return app_saving_share(c, static_cast<std::size_t>(p));
}

double app_fee(const ModelContext& c, sim::FirmIndex i) {
  const sim::Firms& f = c.world.firms;
  const std::int32_t p = f.app_platform[i];
  if (p < 0 || !f.member_of(i, static_cast<std::size_t>(p)) ||
      !hosts_apps(c, c.world.platforms[static_cast<std::size_t>(p)]))
    return 0.0;
  return c.params.apps.fee_per_employee * f.employees[i];
}

double app_cost(const ModelContext& c, const sim::Platform& p) {
  return hosts_apps(c, p) ? c.params.apps.cost_per_app * p.app_stock : 0.0;
}

double app_subscriber_share(const ModelContext& c) {
  const sim::Firms& f = c.world.firms;
  double members = 0.0, subscribers = 0.0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || !f.platforms[i]) continue;
    members += 1.0;
    subscribers += f.app_platform[i] >= 0;
  }
  return members > 0.0 ? subscribers / members : 0.0;
}

void subscribe_to_apps(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  for (auto& pl : w.platforms) pl.app_subscribers = 0;
  const double s = c.params.information.coordination_share;
  // Each platform's saving share reads only the platform, which this loop does not change: once per platform.
  std::vector<double> share(w.platforms.size());
  for (std::size_t p = 0; p < share.size(); ++p) share[p] = app_saving_share(c, p);
  for (auto i : c.directory.alive()) {
    f.app_platform[i] = -1;
    if (!c.params.apps.enabled || !f.platforms[i] || s <= 0.0) continue;
    // The hours the firm would spend without apps, smoothed like the overhead factor's coordination part
    // (7.34) but from each month's hours before the saving applied then: the overhead factor mixes months
    // with and without apps, and its latest month used the subscription of two months ago (7.66).
    const double coordination_yuan =
        w.regions[sim::idx(f.region[i])].land_cost.yuan * s * f.unaided_coordination[i] * f.employees[i];
    const double fee = c.params.apps.fee_per_employee * f.employees[i];
    double best = 0.0;
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      if (!f.member_of(i, p)) continue;
      const double net = coordination_yuan * share[p] - fee;
      if (net > best) {
        best = net;
        f.app_platform[i] = static_cast<std::int32_t>(p);
      }
    }
    if (f.app_platform[i] >= 0) ++w.platforms[static_cast<std::size_t>(f.app_platform[i])].app_subscribers;
  }
}

}  // namespace vicsim::agents
