#include "agents/platform_founding.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "agents/adoption.hpp"
#include "agents/founded_services.hpp"
#include "agents/platform_strategy.hpp"
#include "agents/policies.hpp"
#include "sim/distributions.hpp"
#include "sim/industry.hpp"

namespace vicsim::agents {

std::uint64_t founding_key(sim::PlatformLevel level, std::uint64_t index) {
  switch (level) {
    case sim::PlatformLevel::Industry:
      return 1000 + index;
    case sim::PlatformLevel::Enterprise:
      return 100000 + index;
    default:
      return index < 1000 ? index : (std::uint64_t{1} << 40) | index;
  }
}

void add_founding_slots(sim::World& w, const FoundingParams& p) {
  if (!p.enabled) return;
  const std::size_t room = sim::kMaxPlatforms - std::min(sim::kMaxPlatforms, w.platforms.size());
  const std::size_t n = std::min<std::size_t>(p.max_founded, room);
  for (std::size_t k = 0; k < n; ++k) {
    sim::Platform pl;
    pl.name = "founding slot " + std::to_string(k + 1);
    pl.founding_slot = true;
    pl.launch_tick = -1;  // never launched by the roster: only found_platforms fills a slot
    pl.services.matchmaking = false;
    w.platforms.push_back(std::move(pl));
  }
}

double bass_adopted(double p, double q, double years) {
  if (years <= 0.0 || p <= 0.0) return 0.0;
  const double decay = std::exp(-(p + q) * years);
  return (1.0 - decay) / (1.0 + (q / p) * decay);
}

namespace {

/** True if firms a and b trade (a tie in either direction). */
bool trades_with(const sim::SupplyGraph& g, sim::FirmIndex a, sim::FirmIndex b) {
  return a != b && (boost::edge(a, b, g).second || boost::edge(b, a, g).second);
}

/** True if alive platform q already serves firm f (its openness rules and entry rule admit f). */
bool serves(const sim::Platform& q, const sim::Firms& fs, sim::FirmIndex f) {
  if (!q.alive || q.level == sim::PlatformLevel::Middle) return false;
  if (!sim::admits_industry(q, static_cast<std::int32_t>(sim::idx(fs.industry[f])))) return false;
  if (!sim::admits_region(q, static_cast<std::int32_t>(sim::idx(fs.region[f])))) return false;
  if (q.partners_only) return false;  // a point admits only its own chain: it is no rival to wider platforms
  return true;
}

/** The firms a platform of this case could admit. */
template <class F>
void for_each_reachable(const ModelContext& c, sim::PlatformLevel level, std::int64_t founder,
                        std::int32_t industry, std::int32_t region, std::uint32_t related, F&& visit) {
  const sim::Firms& fs = c.world.firms;
  if (level == sim::PlatformLevel::Enterprise) {
    // A point connects one chain-master's suppliers (and its direct customers) to the chain-master.
    // Each partner once, in slot order: one supplying two inputs, or both supplier and customer, or a
    // collaborator too, has several ties with the chain-master but is one firm of the case.
    const auto o = static_cast<sim::FirmIndex>(founder);
    visit(o);
    const auto& g = c.world.network;
    std::vector<sim::FirmIndex> partners;
    for (auto [e, end] = boost::in_edges(o, g); e != end; ++e)
      partners.push_back(static_cast<sim::FirmIndex>(boost::source(*e, g)));
    for (auto [e, end] = boost::out_edges(o, g); e != end; ++e)
      partners.push_back(static_cast<sim::FirmIndex>(boost::target(*e, g)));
    std::sort(partners.begin(), partners.end());
    partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
    for (const sim::FirmIndex i : partners)
      if (fs.alive[i]) visit(i);
    return;
  }
  for (auto i : c.directory.alive()) {
    if (!sim::in_industry_scope(industry, related, static_cast<std::int32_t>(sim::idx(fs.industry[i]))))
      continue;
    if (region >= 0 && static_cast<std::int32_t>(sim::idx(fs.region[i])) != region) continue;
    visit(i);
  }
}

}  // namespace

FoundingCase founding_case(const ModelContext& c, sim::PlatformLevel level, std::int64_t founder,
                           std::int32_t industry, std::int32_t region, std::uint32_t related) {
  const auto& fp = c.params.founding;
  const auto& e = c.params.platform_economy;
  const sim::World& w = c.world;
  const sim::Firms& fs = w.firms;
  // Platforms store their owner's id (slots move when exited firms are compacted away).
  const std::int64_t founder_id =
      founder >= 0 ? static_cast<std::int64_t>(fs.id(static_cast<sim::FirmIndex>(founder))) : -1;
  FoundingCase k;
  k.level = level;
  k.founder_firm = founder;
  k.industry = industry;
  k.region = region;
  k.related = related;
  double served = 0;
  std::vector<double> firms_in(w.regions.size(), 0.0);
  struct Firm {
    double pace, input_cost;  // pace: multiplier of the firm's awareness hazard (time stretch of F)
    bool owner;               // the founder itself: a member from launch
  };
  std::vector<Firm> firms;
  const auto& ap = c.params.adoption;
  for_each_reachable(c, level, founder, industry, region, related, [&](sim::FirmIndex i) {
    // Digital readiness (7.16: infrastructure, size and net cloud cost), not current maturity: members go on
    // the cloud when they join, so a founder counts the firms that could.
    const double ready = adoption_readiness(c, i);
    k.reachable += 1;
    k.ready += ready;
    // The joining rule's awareness hazard (7.17, adopt_and_join) is (join_p + join_q · share)/12 · pull ·
    // ready with ready = 1 for a firm already on the cloud and pull = owner_pull for a partner of the
    // platform's chain-master owner; the forecast uses the same two multipliers (7.76).
    const bool is_owner = founder >= 0 && static_cast<std::int64_t>(i) == founder;
    const double pace =
        (fs.on_cloud[i] ? 1.0 : ready) *
        (founder >= 0 && trades_with(c.world.network, i, static_cast<sim::FirmIndex>(founder)) ? ap.owner_pull
                                                                                               : 1.0);
    // The founder's own fees and entry fee are paid to itself: for the owner whose capital is at stake they
    // are a transfer, not profit, so only other firms' purchases earn the case revenue (7.88).
    firms.push_back({pace, is_owner ? 0.0 : fs.input_cost[i].yuan, is_owner});
    firms_in[sim::idx(fs.region[i])] += 1;
    for (const auto& q : w.platforms)
      if (serves(q, fs, i)) {
        served += 1;
        break;
      }
  });
  if (k.reachable <= 0) return k;
  // Rivals: the share of these firms an alive platform already admits, counted as platforms' worth.
  k.rivals = served / k.reachable;
  for (const auto& q : w.platforms)
    if (q.alive && q.level == level && q.level != sim::PlatformLevel::Middle &&
        (level != sim::PlatformLevel::Enterprise || q.owner_firm == founder_id) &&
        (industry < 0 || sim::admits_industry(q, industry) ||
         (q.industry >= 0 && sim::in_industry_scope(industry, related, q.industry))) &&
        (region < 0 || sim::bound_region(q) == region))
      k.rivals += 1;
  k.host = founder >= 0  ? fs.region[static_cast<sim::FirmIndex>(founder)]
           : region >= 0 ? sim::RegionId{static_cast<std::uint16_t>(region)}
                         : sim::RegionId{static_cast<std::uint16_t>(
                               std::max_element(firms_in.begin(), firms_in.end()) - firms_in.begin())};
  // Market potential: the share of the reachable firms the platform can win against its rivals.
  const double share = fp.expected_join_share / (1.0 + fp.rival_weight * k.rivals);
  k.compute_gflops = std::max(1.0, fp.compute_per_firm * k.reachable);
  const double fixed = e.fixed_cost + e.cost_per_gflops * k.compute_gflops +
                       e.cost_per_gbps * c.params.infrastructure.uplink_gbps;
  // Adoption forecast (Bass 1969 with the model's platform-awareness coefficients join_p, join_q, 7.17): firm
  // i has joined by month t with probability share · F(R_i · t / 12), F the Bass cumulative in years;
  // readiness R_i stretches time as it scales an offline firm's awareness hazard. Month t's profit is fees on
  // the members' expected platform purchases plus the entry fees of that month's joiners, minus the operating
  // cost, discounted monthly over the horizon.
  const double r = std::pow(1.0 + fp.discount_per_year, 1.0 / 12.0) - 1.0;
  const auto horizon = static_cast<std::int32_t>(fp.horizon_months);
  double joined_before = 0, members_sum = 0, revenue_sum = 0, cost_sum = 0;
  k.value = 0;
  for (std::int32_t t = 1; t <= horizon; ++t) {
    double joined = 0, purchases = 0, owners = 0;
    for (const auto& f : firms) {
      // The chain-master founder joins its own platform at launch (launch) and stays (owners stay).
      const double a = f.owner ? 1.0 : share * bass_adopted(ap.join_p, ap.join_q, f.pace * t / 12.0);
      joined += a;
      owners += f.owner ? 1.0 : 0.0;
      purchases += a * f.input_cost;
    }
    const double revenue =
        fp.fee * fp.mediated_share * purchases + fp.entry_fee * ((joined - owners) - joined_before);
    const double cost = fixed + e.cost_per_member * joined;
    k.value += (revenue - cost) / std::pow(1.0 + r, t);
    members_sum += joined;
    revenue_sum += revenue;
    cost_sum += cost;
    joined_before = joined - owners;
  }
  if (horizon > 0) {
    k.members = members_sum / horizon;
    k.revenue = revenue_sum / horizon;
    k.cost = cost_sum / horizon;
  }
  // Hurdle (7.76): the launch cost net of co-funding plus the cost of tying up the working capital for the
  // horizon, K_w (1 − (1+r)^−H) (platform cash earns no interest). Risk is priced once, in the discount rate
  // r; value already counts the operating losses the working capital pays for.
  const double cofund = launch_cofund_share(c, k.host, industry, fp.launch_cost);
  k.capital_cost = e.initial_cash * (1.0 - std::pow(1.0 + r, -static_cast<double>(horizon)));
  k.hurdle = fp.launch_cost * (1.0 - cofund) + k.capital_cost;
  return k;
}

FoundingCase line_case(const ModelContext& c, std::int64_t founder, std::int32_t industry) {
  // A line's vertical apps and industry matchmaking serve its own industry and, through input–output links
  // and technological proximity, related ones (7.38). The founder weighs nested scopes, adding the related
  // industries from the most related down, and keeps the most profitable (ties: the narrower).
  const auto& inds = c.world.industries;
  std::vector<std::int32_t> order;
  for (std::size_t j = 0; j < inds.size() && j < 32; ++j)
    if (static_cast<std::int32_t>(j) != industry &&
        sim::relatedness(inds, static_cast<std::size_t>(industry), j) > 0.0)
      order.push_back(static_cast<std::int32_t>(j));
  std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    const auto i = static_cast<std::size_t>(industry);
    return sim::relatedness(inds, i, static_cast<std::size_t>(a)) >
           sim::relatedness(inds, i, static_cast<std::size_t>(b));
  });
  FoundingCase best = founding_case(c, sim::PlatformLevel::Industry, founder, industry, -1, 0);
  std::uint32_t related = 0;
  for (auto j : order) {
    related |= 1u << j;
    FoundingCase k = founding_case(c, sim::PlatformLevel::Industry, founder, industry, -1, related);
    if (k.value - k.hurdle > best.value - best.hurdle) best = k;
  }
  return best;
}

namespace {

/** `base`, or `base` with " 2", " 3", ... appended when another platform already has that name: a second
 * founder of one industry's line or one region's surface must not share the first one's name, because
 * platforms.csv, the reports and the viewer key platforms by name. */
std::string unique_platform_name(const sim::World& w, std::size_t p, const std::string& base) {
  auto taken = [&](const std::string& name) {
    for (std::size_t q = 0; q < w.platforms.size(); ++q)
      if (q != p && w.platforms[q].name == name) return true;
    return false;
  };
  std::string name = base;
  for (int k = 2; taken(name); ++k) name = base + " " + std::to_string(k);
  return name;
}

/** Fills slot `pl` with the case's platform and books its launch capital and cost. */
void launch(ModelContext& c, std::size_t p, const FoundingCase& k) {
  const auto& fp = c.params.founding;
  const auto& e = c.params.platform_economy;
  sim::World& w = c.world;
  sim::Platform& pl = w.platforms[p];
  const std::string region_name = w.regions[sim::idx(k.host)].name;
  switch (k.level) {
    case sim::PlatformLevel::Regional:
      pl.name = region_name + " surface (founded)";
      break;
    case sim::PlatformLevel::Industry:
      pl.name = w.industries[static_cast<std::size_t>(k.industry)].name + " line (founded)";
      break;
    default:
      pl.name = "chain-master " +
                std::to_string(c.world.firms.id(static_cast<sim::FirmIndex>(k.founder_firm))) +
                " point (founded)";
      break;
  }
  pl.name = unique_platform_name(w, p, pl.name);
  pl.level = k.level;
  pl.owner_firm =
      k.founder_firm >= 0
          ? static_cast<std::int64_t>(c.world.firms.id(static_cast<sim::FirmIndex>(k.founder_firm)))
          : -1;
  pl.host_region = k.host;
  pl.industry = k.industry;
  pl.home_region = k.region;
  pl.open_regions = k.region < 0;
  pl.open_industries = k.industry < 0 || k.level == sim::PlatformLevel::Enterprise;
  pl.related_industries = k.related;
  pl.partners_only = k.level == sim::PlatformLevel::Enterprise;
  pl.services = founded_services(k.level, fp.services);
  pl.transaction_fee = fp.fee;
  pl.entry_fee = sim::Money{fp.entry_fee};
  pl.compute_gflops = k.compute_gflops;
  pl.uplink_gbps = c.params.infrastructure.uplink_gbps;
  pl.launch_tick = pl.founded_tick = w.tick;
  pl.alive = true;
  // Capital: launch cost plus working capital. Cultivation co-funds part of the launch cost; a chain-master
  // puts in up to half its cash, households the equity of an independent provider; the lender lends the rest.
  const double capital = fp.launch_cost + e.initial_cash;
  const double grant = cofund_launch(c, k.host, k.industry, fp.launch_cost);
  double equity = capital - grant;
  if (k.founder_firm >= 0) {
    sim::Firms& fs = w.firms;
    const auto f = static_cast<sim::FirmIndex>(k.founder_firm);
    equity = std::min(equity, 0.5 * std::max(0.0, fs.cash[f].yuan));
    fs.cash[f] -= sim::Money{equity};
    c.ledger.pay(sim::Sector::Firms, sim::Sector::Platforms, sim::FlowKind::Equity, equity);
  } else {
    c.ledger.pay(sim::Sector::Households, sim::Sector::Platforms, sim::FlowKind::Equity, equity);
  }
  const double loan = capital - grant - equity;
  c.ledger.pay(sim::Sector::Lender, sim::Sector::Platforms, sim::FlowKind::Loan, loan);
  pl.loan = sim::Money{loan};
  pl.equity_in = sim::Money{equity};
  pl.cash = sim::Money{capital - fp.launch_cost};
  c.ledger.pay(sim::Sector::Platforms, sim::Sector::Households, sim::FlowKind::Investment, fp.launch_cost);
  if (k.founder_firm >= 0) join_platform(c, static_cast<sim::FirmIndex>(k.founder_firm), p);
}

}  // namespace

void found_platforms(ModelContext& c) {
  const auto& fp = c.params.founding;
  sim::World& w = c.world;
  if (!fp.enabled || w.tick < fp.first_tick) return;
  const auto next_slot = [&]() -> std::int32_t {
    for (std::size_t p = 0; p < w.platforms.size(); ++p)
      if (w.platforms[p].founding_slot && w.platforms[p].founded_tick < 0)
        return static_cast<std::int32_t>(p);
    return -1;
  };
  if (next_slot() < 0) return;
  const sim::Firms& fs = w.firms;
  // Candidates in a fixed order (surfaces by region, lines by industry, points by firm slot); each is keyed
  // for its draw so adding a candidate does not shift the others.
  struct Candidate {
    sim::PlatformLevel level;
    std::int64_t founder;
    std::int32_t industry, region;
    std::uint64_t key;
  };
  std::vector<Candidate> cands;
  std::vector<double> region_firms(w.regions.size(), 0.0);
  for (auto i : c.directory.alive()) region_firms[sim::idx(fs.region[i])] += 1;
  for (std::size_t r = 0; r < w.regions.size(); ++r)
    if (region_firms[r] >= fp.regional_min_firms)
      cands.push_back({sim::PlatformLevel::Regional, -1, -1, static_cast<std::int32_t>(r),
                       founding_key(sim::PlatformLevel::Regional, r)});
  for (std::size_t i = 0; i < w.industries.size(); ++i) {
    // A line is founded by the industry's largest chain-master if it has one, else by an independent
    // provider.
    std::int64_t owner = -1;
    double best = -1.0;
    for (auto f : c.directory.alive())
      if (fs.chain_master[f] && sim::idx(fs.industry[f]) == i && fs.employees[f] > best) {
        best = fs.employees[f];
        owner = f;
      }
    cands.push_back({sim::PlatformLevel::Industry, owner, static_cast<std::int32_t>(i), -1,
                     founding_key(sim::PlatformLevel::Industry, i)});
  }
  for (auto f : c.directory.alive())
    if (fs.chain_master[f])
      cands.push_back({sim::PlatformLevel::Enterprise, static_cast<std::int64_t>(f),
                       static_cast<std::int32_t>(sim::idx(fs.industry[f])), -1,
                       founding_key(sim::PlatformLevel::Enterprise, fs.id(f))});
  for (const auto& cand : cands) {
    const std::int32_t slot = next_slot();
    if (slot < 0) return;
    // A founder runs at most one platform of each level.
    bool has = false;
    for (const auto& q : w.platforms)
      has |= q.alive && q.level == cand.level && cand.founder >= 0 &&
             q.owner_firm == static_cast<std::int64_t>(fs.id(static_cast<sim::FirmIndex>(cand.founder)));
    if (has) continue;
    FoundingCase k = cand.level == sim::PlatformLevel::Industry
                         ? line_case(c, cand.founder, cand.industry)
                         : founding_case(c, cand.level, cand.founder, cand.industry, cand.region);
    if (k.reachable <= 0 || k.value <= k.hurdle) continue;
    sim::Rng rng(w.seed, sim::Stream::Founding, cand.key, static_cast<std::uint64_t>(w.tick));
    if (!sim::bernoulli(rng, fp.decision_rate)) continue;
    // Lines are owned by their chain-master founder only if it is alive; points always by theirs.
    launch(c, static_cast<std::size_t>(slot), k);
  }
}

}  // namespace vicsim::agents
