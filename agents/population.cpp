#include "agents/population.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "agents/adoption.hpp"
#include "agents/demography.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/tie_dynamics.hpp"
#include "agents/trade.hpp"
#include "sim/distributions.hpp"

namespace vicsim::agents {

std::vector<double> required_output(const ModelContext& c) {
  std::vector<double> x(c.directory.n_types(), 0.0);
  double total_weight = 0.0;
  for (const auto& ind : c.world.industries) total_weight += ind.demand_weight;
  for (std::size_t i = 0; i < c.world.industries.size(); ++i)
    x[c.directory.type_key(i, c.world.industries[i].stages.size() - 1)] +=
        c.world.industries[i].demand_weight / total_weight;
  for (std::size_t t : c.customers_first)
    for (const auto& n : c.needs[t]) x[c.directory.type_key(n.industry, n.stage)] += x[t] * n.per_unit;
  return x;
}

namespace {

/** Assigns (industry, stage) to firms, largest first, to the type furthest below its employment target. */
void assign_types(ModelContext& c, const std::vector<double>& employees) {
  const auto x = required_output(c);
  const double x_total = std::accumulate(x.begin(), x.end(), 0.0);
  const double e_total = std::accumulate(employees.begin(), employees.end(), 0.0);
  std::vector<std::size_t> order(employees.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return employees[a] > employees[b]; });
  std::vector<double> assigned(x.size(), 0.0);
  for (auto k : order) {
    std::size_t best = 0;
    double best_gap = -INFINITY;
    for (std::size_t t = 0; t < x.size(); ++t) {
      const double gap = e_total * x[t] / x_total - assigned[t];
      if (gap > best_gap) {
        best_gap = gap;
        best = t;
      }
    }
    assigned[best] += employees[k];
    c.world.firms.industry[k] = sim::IndustryId{static_cast<std::uint8_t>(c.type_of[best].first)};
    c.world.firms.stage[k] = static_cast<std::uint8_t>(c.type_of[best].second);
  }
}

}  // namespace

void populate(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& p = c.params.population;
  c.directory.rebuild(w);  // sizes the type tables

  // A firm register (scenario "firms") fixes location, type and size; everything else is drawn from the
  // same per-firm streams as for a random firm.
  const auto& registered = p.firms;
  std::vector<double> employees(p.count);
  // Room for the entrants of a long run (the automatic firm cap's ratio): reserved pages stay untouched until
  // used, while growing every firm array by doubling left a freed copy of each in the heap (issue 15).
  w.reserve_firms(static_cast<std::size_t>(kAutoFirmCapPerFirm * p.count));
  for (std::uint32_t k = 0; k < p.count; ++k) {
    sim::Rng rng(w.seed, sim::Stream::Population, k, 0);
    employees[k] = registered.empty() ? sim::bounded_pareto(rng, p.size_exponent, p.size_min, p.size_max)
                                      : registered[k].employees;
    w.add_firm();
    f.employees[k] = employees[k];
    init_digital_state(c, k);
  }
  if (registered.empty()) {
    assign_types(c, employees);
  } else {
    for (std::uint32_t k = 0; k < p.count; ++k) {
      f.industry[k] = sim::IndustryId{registered[k].industry};
      f.stage[k] = registered[k].stage;
    }
  }

  for (sim::FirmIndex k = 0; k < p.count; ++k) {
    sim::Rng rng(w.seed, sim::Stream::Population, k, 1);
    const std::size_t ind = sim::idx(f.industry[k]);
    // Region ∝ endowment^power: natural endowment drives where a traditional cluster starts.
    std::vector<double> wgt(w.regions.size());
    double total = 0.0;
    for (std::size_t r = 0; r < w.regions.size(); ++r)
      total += wgt[r] = std::pow(w.regions[r].endowment[ind], p.location_endowment_power) + 1e-9;
    double u = rng.uniform() * total;
    std::size_t r = 0;
    while (r + 1 < wgt.size() && u >= wgt[r]) u -= wgt[r++];
    if (!registered.empty())
      r = registered[k].region;  // the draw above is still made, so later draws do not shift
    f.region[k] = sim::RegionId{static_cast<std::uint16_t>(r)};
    // Nobody starts beyond the latent frontier (Nelson–Winter: it bounds best practice).
    f.productivity[k] = std::fmin(c.params.knowledge.frontier_initial,
                                  sim::lognormal(rng, 0.0, p.productivity_sd) *
                                      (1.0 + p.endowment_productivity * (w.regions[r].endowment[ind] - 0.5)));
    f.digital_maturity[k] = rng.uniform() * 0.2;
    if (!registered.empty() && registered[k].productivity > 0.0)
      f.productivity[k] = registered[k].productivity;
    if (!registered.empty() && registered[k].digital_maturity >= 0.0)
      f.digital_maturity[k] = registered[k].digital_maturity;
    // Hidden reliability at the firm's maturity, so the initial firms start from the drift's stationary
    // distribution (docs/ODD.md 7.1, 7.30); its own key, so the place of the draw shifts no other.
    init_reliability(c, k);
    const auto& reg = w.regions[r];
    f.cash[k] =
        sim::Money{p.initial_cash_months * (reg.labour_cost.yuan + reg.land_cost.yuan) * f.employees[k]};
  }

  // Chain-masters: the largest final-stage firms of each industry, among those the register leaves open.
  const auto fixed = [&](sim::FirmIndex k) { return !registered.empty() && registered[k].chain_master >= 0; };
  for (sim::FirmIndex k = 0; k < p.count; ++k)
    if (fixed(k) && registered[k].chain_master == 1) {
      f.chain_master[k] = 1;
      f.reputation[k] = 0.8;
    }
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind) {
    std::vector<sim::FirmIndex> finals;
    for (sim::FirmIndex k = 0; k < p.count; ++k)
      if (!fixed(k) && sim::idx(f.industry[k]) == ind && f.stage[k] + 1u == w.industries[ind].stages.size())
        finals.push_back(k);
    std::stable_sort(finals.begin(), finals.end(),
                     [&](auto a, auto b) { return f.employees[a] > f.employees[b]; });
    const auto n = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::lround(p.chain_master_share * static_cast<double>(finals.size()))));
    for (std::size_t k = 0; k < std::min(n, finals.size()); ++k) {
      f.chain_master[finals[k]] = 1;
      f.reputation[finals[k]] = 0.8;
    }
  }
  c.directory.rebuild(w);

  // Initial prices: suppliers before customers, each buying at its suppliers' mean price.
  c.type_margin.assign(c.directory.n_types(), 0.0);
  for (auto it = c.customers_first.rbegin(); it != c.customers_first.rend(); ++it) {
    double input = 0.0;
    for (const auto& n : c.needs[*it])
      input += n.per_unit * c.mean_price[c.directory.type_key(n.industry, n.stage)];
    for (auto k : c.directory.of_type(c.type_of[*it].first, c.type_of[*it].second))
      f.input_unit_cost[k] = input;
    set_prices(c);  // recomputes all types; cheap at set-up, and later types see earlier means
  }

  // Final demand: a share of each industry's final-stage capacity.
  w.final_demand.assign(w.industries.size(), 0.0);
  for (std::size_t ind = 0; ind < w.industries.size(); ++ind)
    for (auto k : c.directory.of_type(ind, w.industries[ind].stages.size() - 1))
      w.final_demand[ind] += c.params.market.initial_utilisation * f.capacity(k);

  for (auto k : c.directory.alive()) fill_input_slots(c, k, sim::Stream::InitialTies);
  c.stats = {};
}

}  // namespace vicsim::agents
