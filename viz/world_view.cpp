#include "viz/world_view.hpp"

#include <cmath>

namespace vicsim::viz {

namespace {

/** A stage name for display: "" for the "nothing yet" stages, underscores as spaces. */
std::string display_stage(std::string_view name) {
  if (name == "none" || name == "no_platforms") return "";
  std::string s(name);
  for (auto& c : s)
    if (c == '_') c = ' ';
  return s;
}

}  // namespace

std::string stage_display_name(const std::string& raw) { return display_stage(raw); }

ViewFrame view_of_world(const sim::World& w) {
  ViewFrame v;
  v.tick = w.tick;
  v.network_tick = w.tick;
  const auto& f = w.firms;
  std::vector<std::int64_t> compact(f.size(), -1);
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    compact[i] = static_cast<std::int64_t>(v.nodes.size());
    ViewNode n;
    n.id = static_cast<std::int64_t>(f.id(i));
    n.region = static_cast<std::int32_t>(sim::idx(f.region[i]));
    n.industry = static_cast<std::int32_t>(sim::idx(f.industry[i]));
    n.stage = w.industries[sim::idx(f.industry[i])].stages[f.stage[i]];
    n.employees = f.employees[i];
    n.productivity = f.productivity[i];
    n.chain_master = f.chain_master[i] != 0;
    n.platforms = f.platforms[i];
    n.adopted = f.on_cloud[i] != 0;
    v.nodes.push_back(std::move(n));
  }
  for (const auto& p : w.platforms)
    v.platforms.push_back({p.name, std::string(sim::platform_level_name(p.level)),
                           static_cast<std::int32_t>(sim::idx(p.host_region)), p.owner_firm, p.members,
                           p.alive});
  for (auto [e, end] = boost::edges(w.network); e != end; ++e) {
    const auto s = boost::source(*e, w.network), t = boost::target(*e, w.network);
    if (compact[s] < 0 || compact[t] < 0) continue;
    const auto& tie = w.network[*e];
    const auto& a = v.nodes[static_cast<std::size_t>(compact[s])];
    const auto& b = v.nodes[static_cast<std::size_t>(compact[t])];
    v.edges.push_back({static_cast<std::uint32_t>(compact[s]), static_cast<std::uint32_t>(compact[t]),
                       classify_edge(a.region, b.region, tie.channel == sim::TieChannel::Platform),
                       tie.is_supply()});
  }
  return v;
}

KpiRow kpi_of_metrics(const sim::TickMetrics& m) {
  KpiRow k;
  k.tick = static_cast<std::int32_t>(m.tick);
  k.firms = m.firms;
  k.output = m.output;
  k.real_output = m.real_output;
  k.cross_region_tie_share = m.cross_region_tie_share;
  k.adoption_share = m.cloud_adoption_share;
  k.stage = display_stage(sim::stage_name(static_cast<sim::TraditionalStage>(m.stage)));
  k.platform_path_stage =
      display_stage(sim::stage_name(static_cast<sim::PlatformPathStage>(m.platform_path_stage)));
  k.platform_stage = display_stage(sim::stage_name(static_cast<sim::EcosystemStage>(m.ecosystem_stage)));
  return k;
}

RunInfo run_info_of_json(const nlohmann::json& doc, const std::string& source) {
  RunInfo info;
  info.source = source;
  info.name = doc.value("name", std::string("unnamed"));
  info.seed = doc.value("seed", std::uint64_t{0});
  info.ticks = doc.value("ticks", std::int32_t{0});
  if (doc.contains("regions") && doc["regions"].is_array())
    for (const auto& r : doc["regions"])
      info.regions.push_back({r.value("name", std::string("?")), r.value("x_km", 0.0), r.value("y_km", 0.0),
                              r.value("internal_km", 30.0)});
  if (doc.contains("industries") && doc["industries"].is_array())
    for (const auto& i : doc["industries"]) info.industries.push_back(i.value("name", std::string("?")));
  return info;
}

}  // namespace vicsim::viz
