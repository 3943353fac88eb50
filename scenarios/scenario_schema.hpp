#pragma once
/** @file The scenario format, declared once: every key with its type, unit, range and description.
 * Visitors use these declarations to read and validate JSON, write JSON, and generate
 * docs/scenario-format.md, so the three cannot drift apart. */
#include <limits>

#include "scenarios/scenario.hpp"

namespace vicsim::scenarios {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

template <class V>
void describe(V& v, agents::PopulationParams& p) {
  v.field("count", p.count, "firms", "Initial number of firms", 1, 5e6);
  v.field("size_min", p.size_min, "employees", "Smallest initial firm", 1, 1e6);
  v.field("size_max", p.size_max, "employees", "Largest initial firm (must exceed size_min)", 1, 1e7);
  v.field("size_exponent", p.size_exponent, "",
          "Pareto tail exponent alpha, Pr(S>s) ∝ s^-alpha (Axtell 2001: 1)", 0.1, 5);
  v.field("sme_threshold", p.sme_threshold, "employees", "Firms below this size are SMEs", 1, 1e6);
  v.field("productivity_sd", p.productivity_sd, "log", "Log-sd of initial productivity", 0, 2);
  v.field("endowment_productivity", p.endowment_productivity, "share",
          "Productivity gain from endowment 0 to 1", 0, 2);
  v.field("location_endowment_power", p.location_endowment_power, "",
          "Initial region choice ∝ endowment^power", 0, 10);
  v.field("chain_master_share", p.chain_master_share, "share",
          "Share of largest final-stage firms flagged chain-master", 0, 1);
  v.field("initial_cash_months", p.initial_cash_months, "months",
          "Initial cash in months of labour and land cost", 0, 120);
}

template <class V>
void describe(V& v, agents::MarketParams& p) {
  v.field("initial_utilisation", p.initial_utilisation, "share",
          "Initial final demand / final-stage capacity", 0.05, 1);
  v.field("demand_growth_per_year", p.demand_growth_per_year, "1/year", "Growth of final demand", -0.5, 1);
  v.field("price_elasticity", p.price_elasticity, "",
          "Elasticity of a seller's demand share to relative price", 0, 50);
  v.field("reputation_weight", p.reputation_weight, "",
          "Demand-share multiplier per unit reputation above 0.5", 0, 2);
  v.field("markup", p.markup, "share", "Price over unit cost", 0, 5);
}

template <class V>
void describe(V& v, agents::TradeParams& p) {
  v.field("enabled", p.enabled, "",
          "Orders flow through supplier ties; off: every input is bought on the spot market");
  v.field("suppliers_per_input", p.suppliers_per_input, "ties", "Target suppliers per input type", 1, 50);
  v.field("local_candidates", p.local_candidates, "firms", "Co-located candidates sampled per search", 0,
          1000);
  v.field("referral_candidates", p.referral_candidates, "firms",
          "Candidates from partners' suppliers per search", 0, 1000);
  v.field("remote_candidates", p.remote_candidates, "firms", "Candidates from anywhere, known by reputation",
          0, 1000);
  v.field("sales_search_probability", p.sales_search_probability, "1/month",
          "Chance an under-used firm canvasses a customer", 0, 1);
  v.field("switch_probability", p.switch_probability, "1/month",
          "Chance a firm re-tests one input's suppliers", 0, 1);
  v.field("switch_margin", p.switch_margin, "share", "Landed-cost gain needed to replace the worst supplier",
          0, 1);
  v.field("choice_sensitivity", p.choice_sensitivity, "", "Logit sensitivity to relative landed cost", 0,
          1000);
  v.field("transaction_cost_base", p.transaction_cost_base, "share of price",
          "Transaction cost at zero distance, no trust", 0, 5);
  v.field("distance_scale_km", p.distance_scale_km, "km", "Distance at which transaction cost doubles", 1,
          1e5);
  v.field("trust_discount", p.trust_discount, "share", "Share of transaction cost removed at full trust", 0,
          1);
  v.field("information_asymmetry", p.information_asymmetry, "share",
          "Mark-up on transaction cost from information asymmetry", 0, 10);
  v.field("production_days", p.production_days, "days", "Supplier production lead time", 0, 365);
  v.field("transport_km_per_day", p.transport_km_per_day, "km/day", "Freight speed", 1, 1e5);
  v.field("order_processing_days", p.order_processing_days, "days", "Offline order handling and negotiation",
          0, 365);
  v.field("lead_time_cost_per_day", p.lead_time_cost_per_day, "share of price/day",
          "Buyer's valuation of a day of lead time", 0, 1);
  v.field("spot_premium", p.spot_premium, "share", "Extra price on the anonymous spot market", 0, 10);
  v.field("spot_extra_days", p.spot_extra_days, "days", "Extra lead time on the spot market", 0, 365);
}

template <class V>
void describe(V& v, agents::TieParams& p) {
  v.field("decay_enabled", p.decay_enabled, "", "Ties dissolve with a trust-dependent hazard");
  v.field("new_tie_half_life_months", p.new_tie_half_life_months, "months",
          "Half-life of an untrusted tie (Reisch et al. 2025)", 0.1, 1e4);
  v.field("trusted_tie_annual_survival", p.trusted_tie_annual_survival, "share/year",
          "Yearly survival of a fully trusted tie (Mizuno et al. 2014)", 0, 1);
  v.field("trust_gain", p.trust_gain, "1/month", "Speed at which trust follows the delivery fill rate", 0, 1);
  v.field("initial_trust_local", p.initial_trust_local, "0-1", "Trust of a new tie between co-located firms",
          0, 1);
  v.field("initial_trust_remote", p.initial_trust_remote, "0-1", "Trust of a new tie across regions", 0, 1);
  v.field("initial_trust_reputation", p.initial_trust_reputation, "0-1",
          "Extra initial trust per unit supplier reputation", 0, 1);
  v.field("preferential_exponent", p.preferential_exponent, "",
          "New links ∝ k^exponent (Reisch et al. 2025: 1.08)", 0, 5);
  v.field("uniform_fraction", p.uniform_fraction, "share",
          "Share of rewiring done uniformly (Atalay et al. 2011: r)", 0, 1);
}

template <class V>
void describe(V& v, agents::KnowledgeParams& p) {
  v.field("innovation_enabled", p.innovation_enabled, "", "Nelson–Winter innovation draws");
  v.field("spillover_enabled", p.spillover_enabled, "", "Imitation of partners and co-located firms");
  v.field("innovation_rate", p.innovation_rate, "1/month",
          "Innovation chance of a reference-size firm (r_in·a_n)", 0, 1);
  v.field("imitation_rate", p.imitation_rate, "1/month",
          "Imitation chance per contact at zero distance (r_im·a_m)", 0, 1);
  v.field("reference_employees", p.reference_employees, "employees",
          "Size at which the innovation chance equals innovation_rate", 1, 1e6);
  v.field("size_elasticity", p.size_elasticity, "", "Innovation chance ∝ (size/reference)^elasticity", 0, 3);
  v.field("frontier_initial", p.frontier_initial, "units/worker/month",
          "Latent productivity frontier at tick 0", 0.01, 100);
  v.field("frontier_growth_per_year", p.frontier_growth_per_year, "1/year", "Growth of the latent frontier",
          0, 1);
  v.field("innovation_sd", p.innovation_sd, "log", "Log-sd of an innovation draw around the frontier", 0, 2);
  v.field("imitation_gap_closed", p.imitation_gap_closed, "share",
          "Share of the productivity gap closed by imitation", 0, 1);
  v.field("half_distance_km", p.half_distance_km, "km", "Spillover half-distance (Keller 2002: 1200)", 1,
          1e5);
  v.field("local_contacts", p.local_contacts, "firms/month", "Co-located same-type firms met per month", 0,
          1000);
  v.field("collaboration_enabled", p.collaboration_enabled, "",
          "Horizontal collaboration ties by triadic closure");
  v.field("collaboration_probability", p.collaboration_probability, "1/month",
          "Chance a firm proposes a collaboration", 0, 1);
  v.field("max_collaborators", p.max_collaborators, "ties", "Collaboration ties a firm keeps at most", 0,
          1000);
  v.field("entrant_productivity", p.entrant_productivity, "share",
          "Entrants' productivity relative to their type's mean", 0.01, 10);
}

template <class V>
void describe(V& v, agents::DemographyParams& p) {
  v.field("entry_enabled", p.entry_enabled, "", "Poisson entry of new firms");
  v.field("exit_enabled", p.exit_enabled, "", "Exit after sustained losses or negative cash");
  v.field("capacity_adjustment_enabled", p.capacity_adjustment_enabled, "",
          "Hiring and shedding by utilisation");
  v.field("entry_rate", p.entry_rate, "1/month", "Entrants per incumbent of a type at zero margin", 0, 1);
  v.field("entry_margin_sensitivity", p.entry_margin_sensitivity, "",
          "Entry multiplier per unit of the type's profit margin", 0, 1000);
  v.field("entrant_size_max", p.entrant_size_max, "employees", "Entrants are Pareto on [size_min, this]", 1,
          1e6);
  v.field("agglomeration_weight", p.agglomeration_weight, "",
          "Location utility per log(1 + same-industry firms)", -100, 100);
  v.field("endowment_weight", p.endowment_weight, "", "Location utility per log(endowment)", -100, 100);
  v.field("cost_weight", p.cost_weight, "", "Location disutility per relative labour cost", -100, 100);
  v.field("barrier_weight", p.barrier_weight, "", "Disutility per relocation barrier / entrant capital", 0,
          100);
  v.field("exit_loss_months", p.exit_loss_months, "months", "Consecutive loss months that force exit", 1,
          1000);
  v.field("expand_above", p.expand_above, "share", "Utilisation above which a profitable firm hires", 0, 10);
  v.field("shrink_below", p.shrink_below, "share", "Utilisation below which a firm sheds workers", 0, 10);
  v.field("adjustment_rate", p.adjustment_rate, "1/month", "Monthly hiring or shedding share", 0, 1);
  v.field("growth_noise_sd", p.growth_noise_sd, "log/month", "Gibrat noise on log employees", 0, 1);
}

template <class V>
void describe(V& v, sim::TraditionalStageParams& p) {
  v.field("concentration_eg", p.concentration_eg, "gamma", "Ellison–Glaeser index for 'concentration'", -1,
          1);
  v.field("chain_completeness", p.chain_completeness, "share",
          "Input slots with a supplier tie, for 'value chain'", 0, 1);
  v.field("chain_local_share", p.chain_local_share, "share", "Local tie share for 'value chain'", 0, 1);
  v.field("chain_trust", p.chain_trust, "0-1", "Mean supply-tie trust for 'value chain'", 0, 1);
  v.field("ecosystem_clustering", p.ecosystem_clustering, "ratio", "Clustering coefficient for 'ecosystem'",
          0, 1);
  v.field("ecosystem_innovation", p.ecosystem_innovation, "share",
          "Firms with a productivity gain in 12 months, for 'ecosystem'", 0, 1);
  v.field("ecosystem_giant", p.ecosystem_giant, "share", "Giant-component share for 'ecosystem'", 0, 1);
  v.field("persistence", p.persistence, "months",
          "Months the conditions must hold before a stage is declared", 1, 1000);
}

template <class V>
void describe(V& v, agents::ModelParams& p) {
  v.object("population", p.population, "Initial firm population");
  v.object("market", p.market, "Final demand and pricing");
  v.object("trade", p.trade, "Orders, supplier choice and transaction cost");
  v.object("ties", p.ties, "Tie trust, decay and rewiring");
  v.object("knowledge", p.knowledge, "Innovation, imitation, spillovers and collaboration");
  v.object("demography", p.demography, "Entry, exit and capacity adjustment");
  v.object("stages", p.stages, "Thresholds of the traditional path's stage detection");
}

template <class V>
void describe(V& v, RegionSpec& r) {
  v.required("name", r.name, "", "Unique region name");
  v.field("x_km", r.x_km, "km", "East coordinate", -1e5, 1e5);
  v.field("y_km", r.y_km, "km", "North coordinate", -1e5, 1e5);
  v.field("internal_km", r.internal_km, "km", "Mean distance between two firms inside the region", 0, 1e4);
  v.map("endowment", r.endowment, "0-1", "Natural endowment per industry name (missing industries: 0.5)", 0,
        1);
  v.field("infrastructure", r.infrastructure, "0-1", "Digital infrastructure level", 0, 1);
  v.field("labour_cost", r.labour_cost, "yuan/worker/month", "Wage per worker", 0, 1e7);
  v.field("land_cost", r.land_cost, "yuan/worker/month", "Land and overhead per worker", 0, 1e7);
  v.field("relocation_barrier", r.relocation_barrier, "yuan",
          "One-off cost for a firm from elsewhere to settle here", 0, 1e12);
}

template <class V>
void describe(V& v, CrossInputSpec& c) {
  v.required("from_industry", c.from_industry, "", "Supplying industry name");
  v.required("from_stage", c.from_stage, "", "Supplying stage name");
  v.required("to_stage", c.to_stage, "", "Buying stage name in this industry");
  v.field("share", c.share, "share", "Share of the buying stage's input requirement sourced this way", 0,
          0.99);
}

template <class V>
void describe(V& v, IndustrySpec& i) {
  v.required("name", i.name, "", "Unique industry name");
  v.field("stages", i.stages, "", "Value-chain stages, upstream first (1 to 16 unique names)");
  v.field("input_coefficient", i.input_coefficient, "units/unit",
          "Input units per unit of output for stages > 0", 0, 10);
  v.field("demand_weight", i.demand_weight, "", "Relative size of this industry's final demand", 1e-6, 1e6);
  v.array("cross_inputs", i.cross_inputs, "Inputs bought from other industries", 0);
}

template <class V>
void describe(V& v, OutputSpec& o) {
  v.field("network_every", o.network_every, "ticks",
          "GraphML snapshot interval (the last tick is always written)", 1, 100000);
  v.field("graphml", o.graphml, "", "Write network/tick_NNNN.graphml snapshots");
}

template <class V>
void describe(V& v, Scenario& s) {
  v.field("name", s.name, "", "Scenario name, written to every output");
  v.field("description", s.description, "", "Free text");
  v.field("seed", s.seed, "", "Master random seed (overridden by --seed)", 0, 1.8e19);
  v.field("ticks", s.ticks, "months", "Simulated months (overridden by --ticks)", 1, 100000);
  v.array("regions", s.regions, "Regions (at least one)", 1);
  v.array("industries", s.industries, "Industries (at least one)", 1);
  v.object("mechanisms", s.mechanisms, "Mechanism parameters and switches");
  v.object("output", s.output, "Run outputs");
}

}  // namespace vicsim::scenarios
