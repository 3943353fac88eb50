#pragma once
/** @file The scenario format, declared once: every key with its type, unit, range and description.
 * Visitors use these declarations to read and validate JSON, write JSON, and generate
 * docs/scenario-format.md, so the three cannot drift apart. */
#include <limits>

#include "agents/founded_services.hpp"
#include "agents/mechanism_registry.hpp"
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
  v.field("warmup_months", p.warmup_months, "months",
          "Months the firm economy runs before month 1, unrecorded (no platforms, policies, shocks or "
          "adoption; demand held at its initial level)",
          0, 600);
}

template <class V>
void describe(V& v, agents::MarketParams& p) {
  v.field("initial_utilisation", p.initial_utilisation, "share",
          "Initial final demand / final-stage capacity", 0.05, 1);
  v.field("demand_growth_per_year", p.demand_growth_per_year, "1/year",
          "Growth of final demand's reference level. Moves orders only under households.consumption "
          "exogenous: under income_wealth, orders follow households' spending (ODD 7.69)",
          -0.5, 1);
  v.field("price_elasticity", p.price_elasticity, "",
          "Elasticity of a seller's demand share to relative price", 0, 50);
  v.field("reputation_weight", p.reputation_weight, "",
          "Demand-share multiplier per unit reputation above 0.5", 0, 2);
  v.field("markup", p.markup, "share", "Price over unit cost", 0, 5);
  v.field("reputation_rate", p.reputation_rate, "1/month",
          "Weight of this month's fill rate in reputation (exponential smoothing)", 0, 1);
}

template <class V>
void describe(V& v, agents::HouseholdParams& p) {
  v.field("consumption", p.consumption, "",
          "income_wealth | exogenous: households spend alpha1 x last month's disposable income + alpha2 x "
          "their deposits (Godley & Lavoie 2007; ODD 7.69), or final demand is the scenario's and "
          "household deposits absorb the gap (open closure)");
  v.field("propensity_income", p.propensity_income, "share",
          "alpha1: share of last month's disposable income spent (income_wealth)", 0, 1);
  v.field("propensity_wealth", p.propensity_wealth, "1/month",
          "alpha2: share of deposits spent per month (income_wealth)", 0.001, 1);
  v.field("dividend_share", p.dividend_share, "share",
          "Share of a month's positive profit firms and platforms pay to households (income_wealth)", 0, 1);
  v.field("import_propensity", p.import_propensity, "share",
          "mu: share of households' consumption spent on foreign goods, paid to the rest of the world "
          "(income_wealth; ODD 7.85)",
          0, 1);
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
  v.field("online_sales_share", p.online_sales_share, "probability",
          "Chance a canvassing platform member looks among reachable co-members instead of its own region", 0,
          1);
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
  v.field("production_days", p.production_days, "days", "Supplier production lead time", 0, 365);
  v.field("transport_km_per_day", p.transport_km_per_day, "km/day", "Freight speed", 1, 1e5);
  v.field("approval_hours", p.approval_hours, "hours",
          "Buyer's approval of one order (requisition to purchase order), the same on every channel", 0,
          8760);
  v.field("response_hours", p.response_hours, "hours",
          "Counterpart's reply time per messaging round of an order, the same on every channel", 0, 8760);
  v.field(
      "quote_rounds", p.quote_rounds, "rounds",
      "Quote rounds an order needs when the buyer has no evidence about the supplier (fewer with evidence)",
      0, 100);
  v.field("load_value_yuan", p.load_value_yuan, "yuan", "Value of goods a full shipment (truck load) carries",
          1, 1e9);
  v.field("max_hold_days", p.max_hold_days, "days", "Longest a partial load is held before it leaves", 0,
          365);
  v.field("lead_time_cost_per_day", p.lead_time_cost_per_day, "share of price/day",
          "Buyer's valuation of a day of lead time", 0, 1);
  v.field("spot_premium", p.spot_premium, "share", "Extra price on the anonymous spot market", 0, 10);
  v.field("spot_extra_days", p.spot_extra_days, "days", "Extra lead time on the spot market", 0, 365);
  v.field(
      "imports", p.imports, "",
      "Spot demand the cluster's firms cannot make is bought from the rest of the world (off: it is a lost "
      "sale and buyers produce what their inputs allow)");
  v.field("import_premium", p.import_premium, "share",
          "Imported units cost the type's mean price times (1 + import_premium), plus the spot premium", 0,
          10);
  v.field("holding_cost_per_month", p.holding_cost_per_month, "share/month",
          "Cost of carrying finished goods (storage, capital, insurance) per month, as a share of their unit "
          "cost",
          0, 1);
  v.field("obsolescence_per_month", p.obsolescence_per_month, "share/month",
          "Share of carried finished goods scrapped each month (obsolete, damaged or out of season)", 0, 1);
}

template <class V>
void describe(V& v, agents::InformationParams& p) {
  v.field("on_time_mean", p.on_time_mean, "probability", "Population mean of the hidden on-time probability",
          0.01, 0.99);
  v.field("defect_mean", p.defect_mean, "probability",
          "Population mean of the hidden defective-lot probability", 0.001, 0.99);
  v.field("reliability_sd", p.reliability_sd, "logit", "Stationary sd of a firm's reliability (logits)", 0,
          10);
  v.field("reliability_persistence", p.reliability_persistence, "",
          "Monthly AR(1) coefficient of reliability", 0, 0.999);
  v.field("maturity_gain", p.maturity_gain, "logit", "Reliability gain at full digital maturity (logits)", 0,
          10);
  v.field("lots_per_delivery", p.lots_per_delivery, "lots", "Lots a monthly delivery is inspected in", 1, 64);
  v.field("late_days", p.late_days, "days", "Extra days of a late delivery", 0, 365);
  v.field("rework_cost_share", p.rework_cost_share, "share of price", "Buyer's cost of a defective input", 0,
          100);
  v.field("prior_observations", p.prior_observations, "observations",
          "Weight of the population prior in a new belief", 0.01, 1000);
  v.field("belief_memory", p.belief_memory, "1/month", "Monthly retention of evidence in beliefs and records",
          0, 1);
  v.field("referral_weight", p.referral_weight, "share",
          "Share of a partner's evidence passed on by referral", 0, 1);
  v.field("rating_visibility", p.rating_visibility, "share",
          "Share of a member's delivery record its platform's ratings reveal (0: platform buyers know what "
          "offline buyers know)",
          0, 1);
  v.field("inspection_cost", p.inspection_cost, "share of price", "Inspection and monitoring at no evidence",
          0, 10);
  v.field("evidence_half", p.evidence_half, "deliveries",
          "Evidence at which inspection and screening costs halve", 0.01, 1e4);
  v.field("risk_aversion", p.risk_aversion, "share of price", "Risk premium per unit of posterior variance",
          0, 100);
  v.field("screening_cost", p.screening_cost, "yuan", "Screening one candidate supplier with no evidence", 0,
          1e9);
  v.field("coordination_share", p.coordination_share, "share",
          "Share of management overhead spent coordinating suppliers at the offline norm", 0, 1);
  v.field("incident_hours", p.incident_hours, "order cycles",
          "Coordination time of a late delivery or defective lot, in order cycles", 0, 1000);
}

template <class V>
void describe(V& v, agents::TieParams& p) {
  v.field("decay_enabled", p.decay_enabled, "", "Ties dissolve with a trust-dependent hazard");
  v.field("new_tie_half_life_months", p.new_tie_half_life_months, "months",
          "Half-life of an untrusted tie (Reisch et al. 2025)", 0.1, 1e4);
  v.field("trusted_tie_annual_survival", p.trusted_tie_annual_survival, "share/year",
          "Yearly survival of a fully trusted tie (Mizuno et al. 2014)", 0, 1);
  v.field("trust_gain", p.trust_gain, "1/month", "Monthly deepening of collaboration-tie trust", 0, 1);
  v.field("initial_trust_local", p.initial_trust_local, "0-1", "Trust of a new collaboration tie", 0, 1);
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
  v.field("member_contacts", p.member_contacts, "firms/month",
          "Co-members (any industry or region in reach) a platform member meets per month as collaboration "
          "candidates, beside the triadic-closure candidates (community operation, ODD 7.38)",
          0, 1000);
  v.field("entrant_productivity", p.entrant_productivity, "share",
          "Entrants' productivity relative to their type's mean", 0.01, 10);
}

template <class V>
void describe(V& v, agents::DemographyParams& p) {
  v.field("entry_enabled", p.entry_enabled, "", "Poisson entry of new firms");
  v.field("exit_enabled", p.exit_enabled, "",
          "Exit by insolvency (negative equity), optionally after sustained losses");
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
  v.field("exit_loss_months", p.exit_loss_months, "months",
          "Consecutive loss months that force exit (0: off; exit by insolvency alone)", 0, 1000);
  v.field("expand_above", p.expand_above, "share", "Utilisation above which a profitable firm hires", 0, 10);
  v.field("shrink_below", p.shrink_below, "share", "Utilisation below which a firm sheds workers", 0, 10);
  v.field("adjustment_rate", p.adjustment_rate, "1/month", "Monthly hiring or shedding share", 0, 1);
  v.field("growth_noise_sd", p.growth_noise_sd, "log/month", "Gibrat noise on log employees", 0, 1);
  v.field("max_firms", p.max_firms, "firms",
          "Hard cap on alive firms (0: max(1,000,000, 2 x population.count)): population.count above it is "
          "refused, entry beyond it stops the run",
          0, 5e6);
  v.field("max_firm_growth", p.max_firm_growth, "x population.count",
          "Hard cap on alive firms as a multiple of the initial count (runaway entry stops the run)", 1, 1e4);
}

template <class V>
void describe(V& v, sim::TraditionalStageParams& p) {
  v.field("concentration_eg", p.concentration_eg, "gamma", "Ellison–Glaeser index for 'concentration'", -1,
          1);
  v.field("chain_completeness", p.chain_completeness, "share",
          "Input slots with a supplier tie, for 'value chain'", 0, 1);
  v.field("chain_local_share", p.chain_local_share, "share", "Local tie share for 'value chain'", 0, 1);
  v.field("chain_trust", p.chain_trust, "0-1",
          "Mean supply-tie trust for 'value chain'; -1: trust of an average supplier after evidence_half "
          "deliveries (docs/ODD.md 7.14)",
          -1, 1);
  v.field("ecosystem_clustering", p.ecosystem_clustering, "ratio", "Clustering coefficient for 'ecosystem'",
          0, 1);
  v.field("ecosystem_innovation", p.ecosystem_innovation, "share",
          "Firms with a productivity gain in 12 months, for 'ecosystem'", 0, 1);
  v.field("ecosystem_giant", p.ecosystem_giant, "share", "Giant-component share for 'ecosystem'", 0, 1);
  v.field("persistence", p.persistence, "months",
          "Months the conditions must hold before a stage is declared", 1, 1000);
}

template <class V>
void describe(V& v, agents::AdoptionParams& p) {
  v.field("enabled", p.enabled, "", "Firms go on the cloud and join platforms");
  v.field("threshold_rule", p.threshold_rule, "", "Watts threshold rule instead of the Bass hazard");
  v.field("bass_p", p.bass_p, "1/year", "Bass innovation coefficient p (mean ≈ 0.03)", 0, 10);
  v.field("bass_q", p.bass_q, "1/year", "Bass imitation coefficient q (mean ≈ 0.38)", 0, 50);
  v.field("partner_weight", p.partner_weight, "share", "Weight of partners vs same-region peers in q", 0, 1);
  v.field("threshold_min", p.threshold_min, "share", "Watts thresholds phi ~ U[min, max]", 0, 1);
  v.field("threshold_max", p.threshold_max, "share", "Upper bound of Watts thresholds", 0, 1);
  v.field("threshold_rate", p.threshold_rate, "1/month", "Adoption chance once the threshold is met", 0, 1);
  v.field("infrastructure_floor", p.infrastructure_floor, "0-1", "Readiness at infrastructure level 0", 0, 1);
  v.field("size_reference", p.size_reference, "employees", "Size at which the size factor reaches 1", 1, 1e7);
  v.field("size_elasticity", p.size_elasticity, "", "Size factor exponent (SME digital divide)", 0, 5);
  v.field("cloud_cost_fixed", p.cloud_cost_fixed, "yuan/month", "Cloud cost per firm", 0, 1e9);
  v.field("cloud_cost_per_employee", p.cloud_cost_per_employee, "yuan/employee/month",
          "Extra cloud cost per employee", 0, 1e7);
  v.field("cost_sensitivity", p.cost_sensitivity, "",
          "Readiness ∝ exp(−sensitivity · net cost / value added)", 0, 1e4);
  v.field("maturity_gain", p.maturity_gain, "1/month", "Digital maturity step toward 1 on the cloud", 0, 1);
  v.field("maturity_productivity_gain", p.maturity_productivity_gain, "share",
          "Output per worker gained at full digital maturity (capacity L·a·(1 + gain·maturity))", 0, 10);
  v.field("join_p", p.join_p, "1/year", "Platform-join innovation coefficient", 0, 50);
  v.field("join_q", p.join_q, "1/year", "Platform-join imitation coefficient (partners on the platform)", 0,
          100);
  v.field("owner_pull", p.owner_pull, "", "Join multiplier for partners of the chain-master owner", 0, 1000);
  v.field("leave_rate", p.leave_rate, "1/month", "Monthly member churn", 0, 1);
  v.field("multihoming_discount", p.multihoming_discount, "", "Value of the k-th extra platform ∝ discount^k",
          0, 1);
  v.field("margin_smoothing", p.margin_smoothing, "1/month",
          "Weight of the latest month in a firm's smoothed margin before and after joining (argued: 5-month "
          "memory, ODD 7.35)",
          0.001, 1);
  v.field("min_history", p.min_history, "months",
          "Months of margins on and off platforms before a firm's own before/after gain counts (ODD 7.35)", 1,
          120);
  v.field("value_learning_rate", p.value_learning_rate, "1/month",
          "Adaptive-expectations step of the expected platform gain toward the latest signal (Nerlove 1958; "
          "ODD 7.36)",
          0, 1);
  v.field("prior_value", p.prior_value, "share of revenue",
          "Initial expected monthly margin gain of platform membership (0: no gain assumed, ODD 7.36)", -1,
          1);
  v.field("decision_noise", p.decision_noise, "share of revenue",
          "Logit scale of the join choice: P(join) = 1/(1 + exp(−value/scale)) (McFadden 1974; ODD 7.37)",
          1e-6, 1);
  v.field("entry_fee_months", p.entry_fee_months, "months",
          "Months over which a firm spreads a platform's entry fee when it weighs joining (ODD 7.37)", 1,
          600);
}

template <class V>
void describe(V& v, agents::PlatformServiceParams& p) {
  v.field("platform_candidates", p.platform_candidates, "firms", "Matchmaking candidates per search", 0,
          1000);
  v.field("logistics_fee", p.logistics_fee, "share of value", "Shared logistics: fee users pay the platform",
          0, 1);
  v.field("logistics_cost", p.logistics_cost, "share of value", "Shared logistics: platform's handling cost",
          0, 1);
  v.field("forecast_error_sd", p.forecast_error_sd, "share", "Forecast error sd on standard demand", 0, 5);
  v.field("c2m_share", p.c2m_share, "share", "Personalised (C2M) share of final demand", 0, 1);
  v.field("c2m_error_sd", p.c2m_error_sd, "share", "Extra forecast error sd on personalised demand", 0, 5);
  v.field("forecast_error_cut", p.forecast_error_cut, "share", "Forecasting service: error sd cut", 0, 1);
  v.field("markdown_cost", p.markdown_cost, "share", "Cost of unsold output as a share of unit cost", 0, 10);
  v.field("knowledge_contacts", p.knowledge_contacts, "firms/month", "Members met through the platform", 0,
          1000);
  v.field("credit_months", p.credit_months, "months", "Finance: credit line in months of revenue", 0, 120);
  v.field("interest_per_year", p.interest_per_year, "share/year",
          "Lender's interest rate on loans (overdrafts of firms and platforms become loans)", 0, 1);
  v.field("repayment_months", p.repayment_months, "months",
          "Loans are repaid from cash in monthly instalments of loan / repayment_months", 1, 600);
  v.field("dispatch_share", p.dispatch_share, "share", "Dispatch: share of overflow offered to idle members",
          0, 1);
}

template <class V>
void describe(V& v, agents::PlatformEconomyParams& p) {
  v.field("fee_learning", p.fee_learning, "", "Platforms learn fees by reinforcement (quarterly)");
  v.field("fee_step", p.fee_step, "share", "Relative fee change per move", 0, 1);
  v.field("fee_learning_rate", p.fee_learning_rate, "", "Roth–Erev recency (forgetting) rate", 0, 1);
  v.field("fee_ceiling", p.fee_ceiling, "share of GMV",
          "Highest transaction fee that fee learning may reach (a policy fee_cap below it applies)", 0, 1);
  v.field("aspiration_rate", p.aspiration_rate, "", "Weight of the latest quarter in the profit aspiration",
          0, 1);
  v.field("fixed_cost", p.fixed_cost, "yuan/month", "Platform operating cost", 0, 1e12);
  v.field("cost_per_member", p.cost_per_member, "yuan/member/month", "Operating cost per member", 0, 1e9);
  v.field("cost_per_gflops", p.cost_per_gflops, "yuan/(Gflop/s)/month", "Data-centre cost per unit capacity",
          0, 1e9);
  v.field("invest_above_load", p.invest_above_load, "ratio",
          "Compute load, or service time per window, that triggers investment", 0, 100);
  v.field("invest_step", p.invest_step, "share", "Capacity added per investment", 0, 10);
  v.field("network_investment", p.network_investment, "",
          "Platforms also invest in the binding network resource: uplink or edge gateways");
  v.field("cost_per_gbps", p.cost_per_gbps, "yuan/(Gbit/s)/month",
          "Data-centre uplink cost per unit capacity", 0, 1e12);
  v.field("edge_cost_per_member", p.edge_cost_per_member, "yuan/member/month",
          "Edge-gateway cost per member at full edge share", 0, 1e9);
  v.field("edge_max", p.edge_max, "share", "Largest share of device telemetry edge gateways filter", 0, 1);
  v.field("initial_cash", p.initial_cash, "yuan", "Launch capital", 0, 1e13);
  v.field("fail_loss_months", p.fail_loss_months, "months", "Loss months with negative cash before failure",
          1, 10000);
}

template <class V>
void describe(V& v, agents::InfrastructureParams& p) {
  v.field("enabled", p.enabled, "", "SimGrid infrastructure layer (off: platforms never congest)");
  v.field("bandwidth_min_mbps", p.bandwidth_min_mbps, "Mbit/s", "Access bandwidth at level 0", 0.001, 1e7);
  v.field("bandwidth_max_mbps", p.bandwidth_max_mbps, "Mbit/s",
          "Access bandwidth at level 1 (geometric between)", 0.001, 1e7);
  v.field("latency_max_ms", p.latency_max_ms, "ms", "Access latency at level 0", 0, 1e5);
  v.field("latency_min_ms", p.latency_min_ms, "ms", "Access latency at level 1 (linear between)", 0, 1e5);
  v.field("fibre_km_per_ms", p.fibre_km_per_ms, "km/ms", "Signal speed on the backbone", 1, 1e6);
  v.field("uplink_gbps", p.uplink_gbps, "Gbit/s", "Data-centre uplink", 0.001, 1e6);
  v.field("window_s", p.window_s, "s", "Busy-period window simulated each tick", 0.001, 3600);
  v.field("devices_per_member", p.devices_per_member, "devices", "Connected devices per member firm", 0, 1e7);
  v.field("telemetry_Bps_per_device", p.telemetry_Bps_per_device, "B/s",
          "Raw device telemetry per device, before edge filtering", 0, 1e9);
  v.field("order_bytes", p.order_bytes, "B", "Size of one order message", 0, 1e9);
  v.field("orders_per_tie_month", p.orders_per_tie_month, "1/month", "Orders a platform supply tie places", 0,
          1e5);
  v.field("forecast_bytes_per_day", p.forecast_bytes_per_day, "B/day",
          "C2M order and sales data per final-stage member of a forecasting platform", 0, 1e15);
  v.field("dispatch_bytes_per_day", p.dispatch_bytes_per_day, "B/day",
          "Dispatch coordination per member of a dispatching platform", 0, 1e15);
  v.field("design_bytes_per_day", p.design_bytes_per_day, "B/day", "Design-data exchange per member", 0,
          1e15);
  v.field("busy_hours_per_day", p.busy_hours_per_day, "h",
          "Hours a day traffic is sent at the simulated rate", 0.01, 24);
  v.field("working_days_per_month", p.working_days_per_month, "days", "Days a month orders are placed", 1,
          31);
  v.field("forecast_coherence_days", p.forecast_coherence_days, "days",
          "Age at which C2M data keeps 1/e of its predictive value", 0.001, 1e4);
  v.field("dispatch_window_hours", p.dispatch_window_hours, "h",
          "Time within which dispatch coordination must complete", 0, 1e4);
  v.field("gflop_per_member", p.gflop_per_member, "Gflop/s", "Matching and dispatch compute per member", 0,
          1e6);
  v.field("gflop_forecast", p.gflop_forecast, "Gflop/s", "Forecasting compute per final-stage member", 0,
          1e6);
}

template <class V>
void describe(V& v, agents::InterconnectionParams& p) {
  v.field("connect_rate", p.connect_rate, "1/month", "Voluntary connection to the middle platform", 0, 1);
  v.field("sync_gflop", p.sync_gflop, "Gflop/s", "Middle-platform compute per connected member", 0, 1e6);
  v.field("share_technology", p.share_technology, "",
          "1+N technology sharing: connected platforms save costs");
  v.field("technology_saving", p.technology_saving, "share",
          "Compute and uplink cost a connected platform saves", 0, 1);
  v.field("share_data", p.share_data, "", "1+N data sharing: members reach connected platforms' members");
  v.field("share_knowledge", p.share_knowledge, "",
          "1+N knowledge sharing: members use any connected platform's apps");
}

template <class V>
void describe(V& v, agents::FoundedServiceSwitches& s) {
  // One key per platform service of the mechanism registry that some founded level offers (7.51).
  for (const auto& m : agents::mechanism_registry())
    if (m.service && agents::some_level_offers(m.service))
      v.field(agents::service_key(m), s.on.*(m.service), "", m.description);
}

template <class V>
void describe(V& v, agents::FoundingParams& p) {
  v.field("enabled", p.enabled, "", "Endogenous platform founding (off: only declared platforms)");
  v.field("max_founded", p.max_founded, "platforms", "Slots kept for founded platforms", 0, 32);
  v.field("first_tick", p.first_tick, "tick", "First month a founder may decide", 1, 100000);
  v.field("launch_cost", p.launch_cost, "yuan", "One-off set-up cost of a platform", 0, 1e12);
  v.field("horizon_months", p.horizon_months, "months", "Months of expected profit a founder counts", 1,
          1200);
  v.field("discount_per_year", p.discount_per_year, "share/year", "Founder's discount rate", 0, 1);
  v.field("mediated_share", p.mediated_share, "share", "Share of members' purchases expected on the platform",
          0, 1);
  v.field("expected_join_share", p.expected_join_share, "share",
          "Share of ready reachable firms expected to join", 0, 1);
  v.field("rival_weight", p.rival_weight, "", "Weight of each rival platform serving the same firms", 0, 100);
  v.field("decision_rate", p.decision_rate, "1/month", "Chance a founder with a positive case acts", 0, 1);
  v.field("fee", p.fee, "share", "Transaction fee a founder sets", 0, 0.2);
  v.field("entry_fee", p.entry_fee, "yuan", "Entry fee a founder sets", 0, 1e9);
  v.field("compute_per_firm", p.compute_per_firm, "Gflop/s", "Compute bought per reachable firm", 0.001, 1e6);
  v.field("regional_min_firms", p.regional_min_firms, "firms", "Firms a region needs for a regional platform",
          0, 1e9);
  v.object(
      "services", p.services,
      "Services founded platforms may offer: each offers those of its level (ODD 7.51) that are on here");
}

template <class V>
void describe(V& v, agents::HierarchyParams& p) {
  v.field("enabled", p.enabled, "", "Point, line and surface as mechanism (off: levels are labels)");
  v.field("compute_saving", p.compute_saving, "share", "Line's compute and uplink cost saved on its surface",
          0, 1);
  v.field("data_rate", p.data_rate, "1/month", "Weight of the lines' GMV in the surface's data value", 0, 1);
  v.field("data_half_yuan", p.data_half_yuan, "yuan/month", "Data value at which surface finance is half on",
          1, 1e15);
  v.field("app_rate", p.app_rate, "apps/member-month", "Apps added per member-month of the points below", 0,
          1e6);
  v.field("app_depreciation", p.app_depreciation, "1/month", "Share of the app stock going out of date", 0,
          1);
  v.field("app_half", p.app_half, "apps", "App stock at which vertical apps are half as useful", 0.001, 1e9);
}

template <class V>
void describe(V& v, agents::AppsParams& p) {
  v.field("enabled", p.enabled, "", "Shared apps that member firms pay for (off: no subscriptions)");
  v.field("saving_max", p.saving_max, "share", "Share of coordination hours a complete app stock saves", 0,
          1);
  v.field("half_apps", p.half_apps, "apps", "App stock at which half of the maximum saving is reached", 0.001,
          1e9);
  v.field("fee_per_employee", p.fee_per_employee, "yuan/employee/month",
          "Monthly app subscription per employee", 0, 1e9);
  v.field("cost_per_app", p.cost_per_app, "yuan/app/month",
          "Platform's development and operation cost per app", 0, 1e12);
  v.field("bytes_per_day", p.bytes_per_day, "B/day", "App traffic a subscriber sends to its platform", 0,
          1e15);
}

template <class V>
void describe(V& v, agents::InPlantParams& p) {
  v.field("enabled", p.enabled, "", "Paid in-plant digital services bought through a platform (off: none)");
  v.field("fee_per_device", p.fee_per_device, "yuan/device/month", "Monthly price per connected device", 0,
          1e9);
  v.field("days_cut", p.days_cut, "share", "Share of production days saved at full effect", 0, 1);
  v.field("shop_floor_share", p.shop_floor_share, "share",
          "Share of the non-coordination overhead that is shop-floor records", 0, 1);
  v.field("paperwork_cut", p.paperwork_cut, "share", "Share of shop-floor record hours saved at full effect",
          0, 1);
  v.field("defect_cut", p.defect_cut, "share", "Share of own defects removed at full effect", 0, 0.99);
  v.field("ramp_months", p.ramp_months, "months", "Months over which the effect phases in", 1, 1200);
  v.field("service_life_months", p.service_life_months, "months",
          "Service life of a bought system: the horizon of the buy decision", 24, 120);
}

template <class V>
void describe(V& v, agents::CrossBorderParams& p) {
  v.field("export_potential", p.export_potential, "units/unit",
          "Foreign demand for final goods at full reach, per unit of the scenario's final demand (0: none)",
          0, 1e3);
  v.field("offline_reach", p.offline_reach, "share",
          "Share of foreign demand a firm reaches by its own channels", 0, 1);
  v.field("fee_per_month", p.fee_per_month, "yuan/firm/month", "Fee of a platform's cross-border listing", 0,
          1e12);
  v.field("world_income_share", p.world_income_share, "share",
          "Income from outside the model the rest of the world spends on final goods, as an export share of "
          "the scenario's final spending (0: none)",
          0, 0.99);
  v.field("world_income_growth_per_year", p.world_income_growth_per_year, "1/year",
          "Growth of that income in units (compounded monthly)", -0.5, 1.0);
}

template <class V>
void describe(V& v, sim::PlatformStageParams& p) {
  v.field("dominance_members", p.dominance_members, "share", "Member share of firms for 'platform dominance'",
          0, 1);
  v.field("dominance_chain", p.dominance_chain, "share", "Firm types with a member, for 'platform dominance'",
          0, 1);
  v.field("community_ties", p.community_ties, "share", "Platform share of ties for 'community operation'", 0,
          1);
  v.field("community_collaboration", p.community_collaboration, "share",
          "Members with a platform collaboration tie", 0, 1);
  v.field("global_export_share", p.global_export_share, "share",
          "Members' final sales exported through platforms, for 'globalization'", 0, 1);
  v.field("ecosystem2_connected", p.ecosystem2_connected, "share", "Interconnected platforms for 2.0", 0, 1);
  v.field("ecosystem2_cross", p.ecosystem2_cross, "share",
          "Integrated share of platform trade (cross-platform or both partners on connected platforms, 7.53) "
          "for 2.0",
          0, 1);
  v.field("ecosystem3_connected", p.ecosystem3_connected, "share", "Interconnected platforms for 3.0", 0, 1);
  v.field("ecosystem3_cross", p.ecosystem3_cross, "share",
          "Integrated share of platform trade (7.53) for 3.0", 0, 1);
  v.field("ecosystem3_mutual", p.ecosystem3_mutual, "share",
          "Connected platforms with ≥5% of their trade integrated (7.53)", 0, 1);
  v.field("persistence", p.persistence, "months", "Months the conditions must hold", 1, 1000);
}

template <class V>
void describe(V& v, agents::ModelParams& p) {
  v.object("population", p.population, "Initial firm population");
  v.object("market", p.market, "Final demand and pricing");
  v.object("households", p.households, "Households' spending: exogenous or income and wealth (ODD 7.69)");
  v.object("trade", p.trade, "Orders, supplier choice and transaction cost");
  v.object("ties", p.ties, "Tie trust, decay and rewiring");
  v.object("information", p.information, "Hidden supplier reliability, buyers' beliefs and transaction cost");
  v.object("knowledge", p.knowledge, "Innovation, imitation, spillovers and collaboration");
  v.object("demography", p.demography, "Entry, exit and capacity adjustment");
  v.object("stages", p.stages, "Thresholds of the traditional path's stage detection");
  v.object("adoption", p.adoption, "Cloud adoption and platform joining (Bass / Watts)");
  v.object("services", p.services, "Effects of platform services on members");
  v.object("platform_economy", p.platform_economy, "Platform fees, costs, investment and failure");
  v.object("infrastructure", p.infrastructure, "SimGrid infrastructure layer: links, traffic, compute");
  v.object("interconnection", p.interconnection, "1+N middle platform");
  v.object("founding", p.founding, "Endogenous platform founding");
  v.object("hierarchy", p.hierarchy, "Point, line and surface: services of each level to the one below");
  v.object("apps", p.apps, "Shared apps that member firms subscribe to");
  v.object("in_plant", p.in_plant,
           "Paid in-plant digital services (production days, shop-floor overhead, defects)");
  v.object("cross_border", p.cross_border, "Export demand and platforms' cross-border matchmaking");
  v.object("platform_stages", p.platform_stages, "Thresholds of the platform path and ecosystem stages");
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
  v.map("relatedness", i.relatedness, "0-1",
        "Relatedness to other industries by name (input–output links and technological proximity; "
        "symmetric: a pair may be declared on either side, equal if on both). Pairs not declared: "
        "min(1, cross-input shares between the two). Weighs collaboration partners (ODD 7.38)",
        0, 1);
}

template <class V>
void describe(V& v, ServicesSpec& s) {
  // One key per platform service of the mechanism registry, described by its registry entry.
  for (const auto& m : agents::mechanism_registry())
    if (m.service) v.field(agents::service_key(m), s.*(m.service), "", m.description);
}

template <class V>
void describe(V& v, PlatformSpec& p) {
  v.required("name", p.name, "", "Unique platform name");
  v.field("level", p.level, "", "enterprise | industry | regional | middle (the 1 of 1+N)");
  v.field("owner", p.owner, "", "independent | chain_master");
  v.field("owner_industry", p.owner_industry, "",
          "chain_master: owner is this industry's largest chain-master");
  v.field("host_region", p.host_region, "", "Data-centre region (default: first region)");
  v.field("industry", p.industry, "", "Industry served (industry level)");
  v.field("region", p.region, "", "Region served (regional level)");
  v.field("open_regions", p.open_regions, "", "Firms of any region may join");
  v.field("open_industries", p.open_industries, "", "Firms of any industry may join");
  v.field("partners_only", p.partners_only, "",
          "Only the chain-master owner and the firms with a tie to it (suppliers, customers, collaboration "
          "partners) may join, as at a founded point (ODD 7.51); needs owner chain_master");
  v.field("min_digital_maturity", p.min_digital_maturity, "0-1", "Digital maturity needed to join", 0, 1);
  v.field("launch_tick", p.launch_tick, "tick", "Launch month (-1: launched by a policy)", -1, 100000);
  v.field("entry_fee", p.entry_fee, "yuan", "One-off joining fee", 0, 1e10);
  v.field("transaction_fee", p.transaction_fee, "share", "Fee on platform-mediated trade", 0, 0.5);
  v.field("compute_gflops", p.compute_gflops, "Gflop/s", "Data-centre compute capacity", 0.001, 1e9);
  v.field("interconnected", p.interconnected, "", "Connected to the middle platform from launch");
  v.field("hosted_apps", p.hosted_apps, "apps", "Apps the platform hosts at launch (lines add vertical apps)",
          0, 1e9);
  v.object("services", p.services, "Switchable services");
}

template <class V>
void describe(V& v, PolicySpec& p) {
  v.required("name", p.name, "", "Policy name");
  v.required("instrument", p.instrument, "",
             "infrastructure | cloud_voucher | platform_cultivation | pilot | interconnection | supervision");
  v.field("start", p.start, "tick", "First month in force", 1, 100000);
  v.field("end", p.end, "tick", "Last month in force", 1, 100000);
  v.field("budget", p.budget, "yuan", "Total budget", 0, 1e14);
  v.field("regions", p.regions, "", "Target regions (empty: all); pilot: treatment regions");
  v.field("industry", p.industry, "", "Target industry (empty: all)");
  v.field("size_class", p.size_class, "", "all | sme | large");
  v.field("platform", p.platform, "", "Cultivation: platform launched; interconnection: one platform");
  v.field("infrastructure_gain", p.infrastructure_gain, "0-1", "Infrastructure level added", 0, 1);
  v.field("rollout_months", p.rollout_months, "months", "Months to build the gain", 1, 1000);
  v.field("cost_per_level", p.cost_per_level, "yuan", "Cost of one unit of level per region", 0, 1e14);
  v.field("subsidy_share", p.subsidy_share, "share", "Vouchers: share of cloud cost paid", 0, 1);
  v.field("platform_subsidy_share", p.platform_subsidy_share, "share", "Share of platform costs paid", 0, 1);
  v.field("fee_cap", p.fee_cap, "share", "Supervision: transaction-fee cap", 0, 1);
}

template <class V>
void describe(V& v, ShockSpec& s) {
  v.required("name", s.name, "", "Shock name");
  v.field("kind", s.kind, "", "demand | regional_disruption");
  v.field("start", s.start, "tick", "First month of the shock", 1, 100000);
  v.field("duration", s.duration, "months", "Months it lasts", 1, 100000);
  v.field("magnitude", s.magnitude, "share", "Demand lost, or capacity lost in the region", 0, 1);
  v.field("industry", s.industry, "", "Demand shock: industry hit (empty: all)");
  v.field("region", s.region, "", "Disruption: region hit");
}

template <class V>
void describe(V& v, OutputSpec& o) {
  v.field("network_every", o.network_every, "ticks",
          "GraphML snapshot interval (the last tick is always written)", 1, 100000);
  v.field("graphml", o.graphml, "", "Write network/tick_NNNN.graphml snapshots");
}

template <class V>
void describe(V& v, FirmSpec& f) {
  v.required("region", f.region, "", "Region name");
  v.required("industry", f.industry, "", "Industry name");
  v.required("stage", f.stage, "", "Stage name, or its 0-based index as text, e.g. \"2\"");
  v.required("employees", f.employees, "workers", "Firm size (> 0)");
  v.field("productivity", f.productivity, "relative", "Initial productivity (> 0); -1: drawn", -1, 1e6);
  v.field("chain_master", f.chain_master, "0/1", "Chain-master flag; -1: by the largest-final-stage rule", -1,
          1);
  v.field("digital_maturity", f.digital_maturity, "0-1", "Initial digital maturity; -1: drawn", -1, 1);
}

template <class V>
void describe(V& v, Scenario& s) {
  v.field("name", s.name, "", "Scenario name, written to every output");
  v.field("description", s.description, "", "Free text");
  v.field("seed", s.seed, "", "Master random seed (overridden by --seed)", 0, 18446744073709551615.0);
  v.field("ticks", s.ticks, "months", "Simulated months (overridden by --ticks)", 1, 100000);
  v.array("regions", s.regions, "Regions (at least one)", 1);
  v.array("industries", s.industries, "Industries (at least one)", 1);
  v.array("platforms", s.platforms, "Digital platforms (at most 32)", 0);
  v.array("policies", s.policies, "Government policies", 0);
  v.array("shocks", s.shocks, "Demand shocks and regional disruptions", 0);
  v.array("firms", s.firms,
          "Initial firm register in order (empty: all drawn); mechanisms.population.count must then be left "
          "out or equal its size",
          0);
  v.object("mechanisms", s.mechanisms, "Mechanism parameters and switches");
  v.object("output", s.output, "Run outputs");
}

}  // namespace vicsim::scenarios
