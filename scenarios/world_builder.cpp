#include "scenarios/world_builder.hpp"

#include <algorithm>
#include <set>

#include "agents/mechanism_registry.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::scenarios {

namespace {

std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

/** The scenario's region, industry and platform names, for resolving references to indices. */
struct Names {
  std::vector<std::string> regions, industries, platforms;
  explicit Names(const Scenario& s) {
    for (const auto& r : s.regions) regions.push_back(r.name);
    for (const auto& i : s.industries) industries.push_back(i.name);
    for (const auto& p : s.platforms) platforms.push_back(p.name);
  }
  /** Index of a named item, or `none` for an empty name (validation has rejected unknown names). */
  static std::int32_t find(const std::vector<std::string>& list, const std::string& name, std::int32_t none) {
    return name.empty() ? none : static_cast<std::int32_t>(index_of(list, name));
  }
  std::int32_t region(const std::string& n, std::int32_t none = -1) const { return find(regions, n, none); }
  std::int32_t industry(const std::string& n) const { return find(industries, n, -1); }
  std::int32_t platform(const std::string& n) const { return find(platforms, n, -1); }
};

}  // namespace

sim::World build_world(const Scenario& s) {
  sim::World w;
  w.seed = s.seed;
  const Names names(s);
  const auto& industry_names = names.industries;
  for (const auto& is : s.industries) {
    sim::Industry ind;
    ind.name = is.name;
    ind.stages = is.stages;
    ind.input_coefficient = is.input_coefficient;
    ind.demand_weight = is.demand_weight;
    for (const auto& c : is.cross_inputs) {
      const auto from = index_of(industry_names, c.from_industry);
      ind.cross_inputs.push_back({from, index_of(s.industries[from].stages, c.from_stage),
                                  index_of(is.stages, c.to_stage), c.share});
    }
    w.industries.push_back(std::move(ind));
  }
  // Relatedness: declared on either side of a pair, otherwise derived from the input–output links.
  const std::size_t n_ind = w.industries.size();
  for (std::size_t a = 0; a < n_ind; ++a) {
    auto& r = w.industries[a].relatedness;
    r.assign(n_ind, 0.0);
    for (std::size_t b = 0; b < n_ind; ++b) {
      const auto& ma = s.industries[a].relatedness;
      const auto& mb = s.industries[b].relatedness;
      if (a == b)
        r[b] = 1.0;
      else if (auto it = ma.find(s.industries[b].name); it != ma.end())
        r[b] = it->second;
      else if (auto jt = mb.find(s.industries[a].name); jt != mb.end())
        r[b] = jt->second;
      else
        r[b] = sim::io_relatedness(w.industries, a, b);
    }
  }
  for (const auto& rs : s.regions) {
    sim::Region r;
    r.name = rs.name;
    r.x_km = rs.x_km;
    r.y_km = rs.y_km;
    r.internal_km = rs.internal_km;
    r.infrastructure = rs.infrastructure;
    r.labour_cost = sim::Money{rs.labour_cost};
    r.land_cost = sim::Money{rs.land_cost};
    r.relocation_barrier = sim::Money{rs.relocation_barrier};
    r.endowment.assign(s.industries.size(), 0.5);
    for (const auto& [name, value] : rs.endowment) r.endowment[index_of(industry_names, name)] = value;
    w.regions.push_back(std::move(r));
  }
  w.compute_distances();
  for (const auto& ps : s.platforms) {
    sim::Platform p;
    p.name = ps.name;
    p.level = ps.level == "enterprise" ? sim::PlatformLevel::Enterprise
              : ps.level == "regional" ? sim::PlatformLevel::Regional
              : ps.level == "middle"   ? sim::PlatformLevel::Middle
                                       : sim::PlatformLevel::Industry;
    p.owner_industry = ps.owner == "chain_master" ? names.industry(ps.owner_industry) : -1;
    p.host_region = sim::RegionId{static_cast<std::uint16_t>(names.region(ps.host_region, 0))};
    p.industry = names.industry(ps.industry);
    p.home_region = names.region(ps.region);
    p.open_regions = ps.open_regions;
    p.open_industries = ps.open_industries;
    p.partners_only = ps.partners_only;
    p.min_digital_maturity = ps.min_digital_maturity;
    p.launch_tick = ps.launch_tick;
    p.entry_fee = sim::Money{ps.entry_fee};
    p.transaction_fee = ps.transaction_fee;
    p.compute_gflops = ps.compute_gflops;
    p.interconnected = ps.interconnected;
    p.app_stock = ps.hosted_apps;
    // The services the mechanism registry declares; a flag without a registry row stays at its default.
    for (const auto& m : agents::mechanism_registry())
      if (m.service) p.services.*(m.service) = ps.services.*(m.service);
    w.platforms.push_back(std::move(p));
  }
  return w;
}

std::vector<agents::Policy> build_policies(const Scenario& s) {
  const Names names(s);
  std::vector<agents::Policy> out;
  for (const auto& ps : s.policies) {
    agents::Policy p;
    p.name = ps.name;
    using agents::Instrument;
    p.instrument = ps.instrument == "infrastructure"         ? Instrument::Infrastructure
                   : ps.instrument == "platform_cultivation" ? Instrument::PlatformCultivation
                   : ps.instrument == "pilot"                ? Instrument::Pilot
                   : ps.instrument == "interconnection"      ? Instrument::Interconnection
                   : ps.instrument == "supervision"          ? Instrument::Supervision
                                                             : Instrument::CloudVoucher;
    p.start = ps.start;
    p.end = ps.end;
    p.budget = sim::Money{ps.budget};
    for (const auto& r : ps.regions)
      p.target.regions.push_back(sim::RegionId{static_cast<std::uint16_t>(names.region(r))});
    p.target.industry = names.industry(ps.industry);
    p.target.size_class = ps.size_class == "sme" ? 1 : ps.size_class == "large" ? 2 : 0;
    p.target.platform = names.platform(ps.platform);
    p.infrastructure_gain = ps.infrastructure_gain;
    p.rollout_months = ps.rollout_months;
    p.cost_per_level = ps.cost_per_level;
    p.subsidy_share = ps.subsidy_share;
    p.platform_subsidy_share = ps.platform_subsidy_share;
    p.fee_cap = ps.fee_cap;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<agents::Shock> build_shocks(const Scenario& s) {
  const Names names(s);
  std::vector<agents::Shock> out;
  for (const auto& ss : s.shocks) {
    agents::Shock k;
    k.name = ss.name;
    k.kind = ss.kind == "regional_disruption" ? agents::Shock::Kind::RegionalDisruption
                                              : agents::Shock::Kind::Demand;
    k.start = ss.start;
    k.duration = ss.duration;
    k.magnitude = ss.magnitude;
    k.industry = names.industry(ss.industry);
    k.region = names.region(ss.region, 0);
    out.push_back(k);
  }
  return out;
}

void check_digital_specs(const Scenario& s, const std::string& file, Diagnostics& diag) {
  const Names names(s);
  const auto &regions = names.regions, &industries = names.industries, &platforms = names.platforms;
  auto one_of = [&](const std::string& path, const std::string& value,
                    const std::vector<std::string>& allowed, const char* what, bool allow_empty) {
    if (allow_empty && value.empty()) return;
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    std::string msg = "unknown " + std::string(what) + " '" + value + "'";
    if (auto m = closest_match(value, allowed); !m.empty()) msg += " (did you mean '" + m + "'?)";
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    if (allowed.size() <= 8) msg += "; expected one of: " + list;
    diag.push_back({file, path, msg});
  };
  if (s.platforms.size() > sim::kMaxPlatforms)
    diag.push_back(
        {file, "platforms", "expected at most 32 platforms, got " + std::to_string(s.platforms.size())});
  if (s.mechanisms.infrastructure.enabled && (!s.platforms.empty() || s.mechanisms.founding.enabled) &&
      s.regions.size() > sim::kRegionSlots / 2)
    diag.push_back({file, "regions",
                    "the SimGrid infrastructure layer supports at most 32 regions; set "
                    "mechanisms.infrastructure.enabled=false for more"});
  std::set<std::string> seen;
  int middles = 0;
  for (std::size_t k = 0; k < s.platforms.size(); ++k) {
    const auto& p = s.platforms[k];
    const std::string b = "platforms[" + std::to_string(k) + "]";
    if (!seen.insert(p.name).second) diag.push_back({file, b + ".name", "duplicate name '" + p.name + "'"});
    one_of(b + ".level", p.level, {"enterprise", "industry", "regional", "middle"}, "level", false);
    one_of(b + ".owner", p.owner, {"independent", "chain_master"}, "owner", false);
    if (p.owner == "chain_master") {
      if (p.owner_industry.empty())
        diag.push_back({file, b + ".owner_industry", "is required when owner is 'chain_master'"});
      else
        one_of(b + ".owner_industry", p.owner_industry, industries, "industry", false);
    }
    one_of(b + ".host_region", p.host_region, regions, "region", true);
    one_of(b + ".region", p.region, regions, "region", true);
    one_of(b + ".industry", p.industry, industries, "industry", true);
    // Level and openness must agree: a regional platform serves one named region, and closing a platform
    // to other industries needs the industry it stays open to (else the restriction would be ignored).
    if (p.level == "regional" && p.region.empty())
      diag.push_back({file, b + ".region",
                      "a 'regional' platform serves one region: name it in region (expected one of the "
                      "scenario's regions, found none)"});
    if (!p.open_industries && p.industry.empty())
      diag.push_back({file, b + ".industry",
                      "open_industries is false, so the platform admits one industry: name it in industry "
                      "(found none)"});
    // Admitting only the owner's partners needs an owner: an independent platform has no partners to admit.
    if (p.partners_only && p.owner != "chain_master")
      diag.push_back(
          {file, b + ".partners_only",
           "partners_only is true, so only the chain-master owner's partners may join: set owner to "
           "'chain_master' (found '" +
               p.owner + "')"});
    // The middle platform serves platforms, not firms (sim::takes_firm_members): a chain-master owner
    // would have to be its member.
    if (p.level == "middle" && p.owner == "chain_master")
      diag.push_back({file, b + ".owner",
                      "a 'middle' platform serves the other platforms, not firms, so it cannot be owned by a "
                      "chain-master firm (expected 'independent')"});
    middles += p.level == "middle";
  }
  if (middles > 1) diag.push_back({file, "platforms", "expected at most one 'middle' platform"});
  for (std::size_t k = 0; k < s.policies.size(); ++k) {
    const auto& p = s.policies[k];
    const std::string b = "policies[" + std::to_string(k) + "]";
    one_of(b + ".instrument", p.instrument,
           {"infrastructure", "cloud_voucher", "platform_cultivation", "pilot", "interconnection",
            "supervision"},
           "instrument", false);
    for (std::size_t r = 0; r < p.regions.size(); ++r)
      one_of(b + ".regions[" + std::to_string(r) + "]", p.regions[r], regions, "region", false);
    one_of(b + ".industry", p.industry, industries, "industry", true);
    one_of(b + ".size_class", p.size_class, {"all", "sme", "large"}, "size class", false);
    one_of(b + ".platform", p.platform, platforms, "platform", true);
    if (p.instrument == "platform_cultivation" && p.platform.empty() && !s.mechanisms.founding.enabled)
      diag.push_back({file, b + ".platform",
                      "is required for platform_cultivation (the platform it launches) unless "
                      "mechanisms.founding.enabled is true (then it co-funds founders' launch costs)"});
    if (p.instrument == "pilot" && p.regions.empty())
      diag.push_back({file, b + ".regions", "a pilot needs at least one treatment region"});
    // A pilot is evaluated against regions outside it, from months before its start to months after it.
    if (p.instrument == "pilot" && !p.regions.empty() &&
        std::set<std::string>(p.regions.begin(), p.regions.end()).size() >= regions.size())
      diag.push_back({file, b + ".regions",
                      "a pilot needs at least one control region outside it to be evaluated; all " +
                          std::to_string(regions.size()) + " regions are in it"});
    if (p.instrument == "pilot" && p.start < 2)
      diag.push_back({file, b + ".start",
                      "a pilot needs at least one month before its start to compare against: expected "
                      "start >= 2, found " +
                          std::to_string(p.start)});
    if (p.instrument == "pilot" && p.start > s.ticks)
      diag.push_back({file, b + ".start",
                      "the pilot starts after the horizon (ticks = " + std::to_string(s.ticks) +
                          "), so it would never act and cannot be evaluated: expected start <= " +
                          std::to_string(s.ticks) + ", found " + std::to_string(p.start)});
    if (p.end < p.start)
      diag.push_back({file, b + ".end", "must not be before start (" + std::to_string(p.start) + ")"});
  }
  one_of("mechanisms.households.consumption", s.mechanisms.households.consumption,
         {"exogenous", "income_wealth"}, "consumption rule", false);
  for (std::size_t k = 0; k < s.shocks.size(); ++k) {
    const auto& x = s.shocks[k];
    const std::string b = "shocks[" + std::to_string(k) + "]";
    one_of(b + ".kind", x.kind, {"demand", "regional_disruption"}, "kind", false);
    one_of(b + ".industry", x.industry, industries, "industry", true);
    if (x.kind == "regional_disruption" && x.region.empty())
      diag.push_back({file, b + ".region", "is required for a regional_disruption"});
    one_of(b + ".region", x.region, regions, "region", true);
  }
}

std::optional<std::size_t> stage_index(const IndustrySpec& ind, const std::string& stage) {
  if (auto it = std::find(ind.stages.begin(), ind.stages.end(), stage); it != ind.stages.end())
    return static_cast<std::size_t>(it - ind.stages.begin());
  if (stage.empty() || stage.size() > 3 ||
      !std::all_of(stage.begin(), stage.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return std::nullopt;
  const auto k = static_cast<std::size_t>(std::stoul(stage));
  if (k >= ind.stages.size()) return std::nullopt;
  return k;
}

agents::ModelParams model_params(const Scenario& s) {
  agents::ModelParams p = s.mechanisms;
  const Names names(s);
  for (const auto& f : s.firms) {
    const auto ind = index_of(names.industries, f.industry);
    p.population.firms.push_back({static_cast<std::uint16_t>(index_of(names.regions, f.region)),
                                  static_cast<std::uint8_t>(ind),
                                  static_cast<std::uint8_t>(*stage_index(s.industries[ind], f.stage)),
                                  f.employees, f.productivity, f.chain_master, f.digital_maturity});
  }
  return p;
}

agents::ClusterModel build_model(const Scenario& s, unsigned threads, bool compact_exited_firms) {
  return agents::ClusterModel(build_world(s), model_params(s), threads, build_policies(s), build_shocks(s),
                              compact_exited_firms);
}

void check_value_chain_acyclic(const Scenario& s, const std::string& file, Diagnostics& diag) {
  const sim::World w = build_world(s);
  sim::FirmDirectory dir;
  dir.rebuild(w);
  std::vector<std::vector<sim::InputNeed>> needs(dir.n_types());
  for (std::size_t i = 0; i < w.industries.size(); ++i)
    for (std::size_t st = 0; st < w.industries[i].stages.size(); ++st)
      needs[dir.type_key(i, st)] = sim::input_needs(w.industries, i, st);
  try {
    agents::customers_first_order(w, dir, needs);
  } catch (const agents::CyclicValueChain&) {
    diag.push_back({file, "industries", "cross_inputs form a cycle; the value chain must be acyclic"});
  }
}

}  // namespace vicsim::scenarios
