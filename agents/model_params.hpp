#pragma once
/** @file Parameters of every mechanism, with their documented defaults (docs/ODD.md).
 * Plain data: the scenario layer fills them, the model reads them. */
#include <cstdint>
#include <string>
#include <vector>

#include "agents/digital_params.hpp"
#include "sim/evolution_stage.hpp"

namespace vicsim::agents {

/** @brief One firm of an initial firm register (scenario "firms"): what the register fixes; a negative
 * optional value is drawn as for a random firm. */
struct RegisteredFirm {
  std::uint16_t region = 0;        ///< index into World::regions
  std::uint8_t industry = 0;       ///< index into World::industries
  std::uint8_t stage = 0;          ///< stage index within the industry
  double employees = 1.0;          ///< workers (> 0)
  double productivity = -1.0;      ///< initial productivity (> 0), negative: drawn
  int chain_master = -1;           ///< 0/1, negative: by the largest-final-stage rule
  double digital_maturity = -1.0;  ///< in [0,1], negative: drawn
};

/** @brief Initial firm population (Axtell 2001: Zipf sizes). */
struct PopulationParams {
  std::uint32_t count = 2000;  ///< initial number of firms
  double size_min = 5.0;       ///< employees of the smallest firm
  double size_max = 5000.0;    ///< employees of the largest firm
  double size_exponent =
      0.7;  ///< Pareto tail exponent alpha of initial sizes, Pr(S>s) ∝ s^-alpha (calibrated, ODD 7.74)
  double sme_threshold = 250.0;           ///< employees below which a firm is an SME
  double productivity_sd = 0.2;           ///< log-sd of initial productivity
  double endowment_productivity = 0.4;    ///< productivity gain at endowment 1 relative to 0 (fraction)
  double location_endowment_power = 2.0;  ///< initial region choice ∝ endowment^power
  double chain_master_share =
      0.01;  ///< share of each industry's largest final-stage firms flagged chain-master
  double initial_cash_months = 6.0;  ///< initial cash in months of labour and land cost
  /// months the firm economy runs before month 1, unrecorded, so month 1 starts near balance
  /// (docs/ODD.md 7.1a)
  std::uint32_t warmup_months = 36;
  /// Initial firm register, in order (empty: every firm drawn). Not a scenario key of its own: filled
  /// from the scenario's "firms" (scenarios/world_builder.cpp); when given, count equals its size.
  std::vector<RegisteredFirm> firms;
};

/** @brief Final demand and pricing. */
struct MarketParams {
  double initial_utilisation = 0.85;     ///< initial final demand as a share of final-stage capacity
  double demand_growth_per_year = 0.03;  ///< growth of final demand (fraction per year)
  double price_elasticity = 4.0;         ///< elasticity of a seller's demand share to its relative price
  double reputation_weight = 0.5;        ///< demand share multiplier per unit of reputation above 0.5
  double markup = 0.15;                  ///< price over unit cost
  double reputation_rate =
      0.1;  ///< per month: how fast reputation follows the fill rate (exponential smoothing)
};

/** @brief Households' spending rule (docs/ODD.md 7.69–7.71). */
struct HouseholdParams {
  /// "income_wealth" (the default since the night of 2026-12-01): households spend α1 · last month's
  /// disposable income
  /// + α2 · last month's deposits (Godley & Lavoie 2007, eq. 3.7), so wages and profits fund final demand;
  /// "exogenous": final demand is the scenario's and households' deposits absorb the gap (an open closure)
  std::string consumption = "income_wealth";
  double propensity_income = 0.6;  ///< α1: share of last month's disposable income spent (income_wealth)
  double propensity_wealth = 0.4;  ///< α2: share of last month's deposits spent, per month (income_wealth)
  double dividend_share = 0.9;     ///< share of a month's positive profit paid to owners (income_wealth)
  /// μ: share of households' consumption spent on foreign goods, paid to the rest of the world (share;
  /// income_wealth; docs/ODD.md 7.85)
  double import_propensity = 0.036;
};

/** @brief Orders and trade, supplier choice and transaction cost. */
struct TradeParams {
  bool enabled = true;                    ///< off: no ties, every input is bought on the spot market
  std::uint32_t suppliers_per_input = 2;  ///< target number of suppliers per input type
  std::uint32_t local_candidates = 8;     ///< co-located candidates sampled per search
  std::uint32_t referral_candidates = 6;  ///< candidates found through partners' suppliers per search
  std::uint32_t remote_candidates = 2;    ///< candidates from anywhere, known by reputation (trade fairs)
  double sales_search_probability =
      0.3;                           ///< monthly chance an under-used firm canvasses one potential customer
  double online_sales_share = 0.5;   ///< chance a platform member canvasses co-members instead of its region
  double switch_probability = 0.02;  ///< monthly chance a firm re-tests one input for a better supplier
  double switch_margin = 0.05;       ///< relative landed-cost gain needed to replace the worst supplier
  double choice_sensitivity = 8.0;   ///< logit sensitivity mu to relative landed cost
  double transaction_cost_base = 0.05;  ///< transaction cost as a share of price at zero distance, no trust
  double distance_scale_km = 500.0;     ///< distance at which the transaction cost doubles (km)
  double production_days = 10.0;        ///< supplier's production lead time (days)
  double transport_km_per_day = 400.0;  ///< road freight speed (km/day)
  double approval_hours = 26.5;  ///< buyer's requisition-to-PO approval per order, any channel (h; ODD 7.84)
  double response_hours = 24.0;  ///< counterpart's reply time per messaging round, any channel (h; ODD 7.84)
  double quote_rounds = 1.0;     ///< quote rounds an order needs from a buyer with no evidence (ODD 7.83)
  double load_value_yuan = 150000.0;      ///< value of goods a full shipment (truck load) carries (yuan)
  double max_hold_days = 7.0;             ///< a partial load leaves at the latest after this hold (days)
  double lead_time_cost_per_day = 0.003;  ///< buyer's valuation of a day of lead time (share of price)
  double spot_premium = 0.15;             ///< extra price paid on the anonymous spot market (share; ODD 7.75)
  double spot_extra_days = 15.0;          ///< extra lead time on the spot market (days)
  bool imports = true;                    ///< spot demand the cluster cannot make is imported (rest of world)
  double import_premium = 0.10;           ///< imported units cost the type's mean price × (1 + this)
  double holding_cost_per_month = 0.02;   ///< carrying finished goods: share of their unit cost per month
  double obsolescence_per_month = 0.05;   ///< share of carried finished goods scrapped each month
};

/** @brief Hidden supplier reliability, buyers' beliefs and the transaction cost that follows from them
 * (docs/ODD.md 7.30–7.33). The same rules apply to offline and platform ties; only the information differs.
 */
struct InformationParams {
  double on_time_mean = 0.85;             ///< population mean of the hidden on-time probability
  double defect_mean = 0.05;              ///< population mean of the hidden defective-lot probability
  double reliability_sd = 0.6;            ///< stationary sd of a firm's reliability in logits (heterogeneity)
  double reliability_persistence = 0.97;  ///< monthly AR(1) coefficient of reliability in logits
  double maturity_gain = 0.34;  ///< logit improvement of both rates at full digital maturity (ODD 7.75)
  std::uint32_t lots_per_delivery = 4;  ///< lots a monthly delivery is inspected in (defect trials)
  double late_days = 10.0;          ///< extra days a late delivery takes (costed at lead_time_cost_per_day)
  double rework_cost_share = 1.0;   ///< buyer's cost of a defective input as a share of its price
  double prior_observations = 2.0;  ///< weight of the population prior in pseudo-observations
  double belief_memory = 0.95;      ///< monthly retention of evidence (beliefs and records forget)
  double referral_weight = 0.5;     ///< share of a partner's evidence passed on in a referral
  double rating_visibility = 1.0;   ///< share of a member's delivery record its platform's ratings reveal
  double inspection_cost = 0.02;    ///< inspection and monitoring at no evidence (share of price)
  double evidence_half = 6.0;       ///< evidence (deliveries) at which inspection and screening halve
  double risk_aversion = 0.3;       ///< risk premium per unit of posterior variance (share of price)
  double screening_cost = 300.0;    ///< cost of screening one candidate supplier with no evidence (yuan)
  double coordination_share =
      0.5;                      ///< share of management overhead spent coordinating suppliers (offline norm)
  double incident_hours = 4.0;  ///< coordination hours of a late delivery or defective lot per order cycle
};

/** @brief Tie turnover (Reisch et al. 2025; Mizuno et al. 2014) and rewiring (Atalay et al. 2011). */
struct TieParams {
  bool decay_enabled = true;
  double new_tie_half_life_months = 13.0;     ///< half-life of an untrusted tie (Reisch et al. 2025)
  double trusted_tie_annual_survival = 0.92;  ///< yearly survival of a fully trusted tie (Mizuno et al. 2014)
  double trust_gain = 0.1;              ///< per month, trust moves this far toward the delivery fill rate
  double initial_trust_local = 0.3;     ///< trust of a new collaboration tie (supply ties: 7.32)
  double preferential_exponent = 1.08;  ///< new links ∝ k^exponent (Reisch et al. 2025)
  double uniform_fraction = 0.2;        ///< share of rewiring done uniformly, not preferentially (Atalay r)
};

/** @brief Knowledge: Nelson–Winter innovation and imitation, distance-decaying spillovers (Keller 2002). */
struct KnowledgeParams {
  bool innovation_enabled = true;
  bool spillover_enabled = true;
  double innovation_rate = 0.02;  ///< r_in · a_n: monthly innovation draw chance of a reference-size firm
  double imitation_rate = 0.05;  ///< r_im · a_m: monthly chance of learning from one contact at zero distance
  double reference_employees = 100.0;  ///< size K_ref at which the innovation chance equals innovation_rate
  double size_elasticity = 0.3;        ///< innovation chance ∝ (K/K_ref)^elasticity
  double frontier_initial = 1.5;  ///< latent productivity frontier at tick 0 (mean initial productivity is 1)
  double frontier_growth_per_year = 0.02;  ///< latent productivity growth (fraction per year)
  double innovation_sd = 0.05;             ///< log-sd of an innovation draw around the latent frontier
  double imitation_gap_closed = 0.5;       ///< share of the productivity gap closed by a successful imitation
  double half_distance_km = 1200.0;        ///< spillover half-distance (Keller 2002)
  std::uint32_t local_contacts = 4;        ///< co-located same-industry firms met per month
  bool collaboration_enabled = true;       ///< horizontal collaboration ties by triadic closure
  double collaboration_probability = 0.05;  ///< monthly chance a firm proposes a collaboration tie
  std::uint32_t max_collaborators = 5;      ///< collaboration ties a firm keeps at most
  std::uint32_t member_contacts =
      2;  ///< co-members a platform member meets per month as collaboration candidates
  double entrant_productivity = 0.9;  ///< entrants' productivity relative to their type's mean
};

/** @brief Entry with relocation barriers, capacity adjustment, and exit after sustained losses. */
struct DemographyParams {
  bool entry_enabled = true;
  bool exit_enabled = true;
  bool capacity_adjustment_enabled = true;
  double entry_rate = 0.004;              ///< monthly entrants per incumbent of a firm type at zero margin
  double entry_margin_sensitivity = 5.0;  ///< entry multiplier per unit of the type's profit margin
  double entrant_size_max = 50.0;         ///< entrants' employees are Pareto on [size_min, this]
  double agglomeration_weight = 1.0;      ///< entrant location utility per log(1 + same-industry firms)
  double endowment_weight = 1.0;          ///< entrant location utility per log(endowment)
  double cost_weight = 1.0;               ///< entrant location disutility per relative labour cost
  double barrier_weight = 1.0;            ///< disutility per relocation barrier / entrant capital
  /// consecutive loss months that force exit (0: off, the default; exit is then by insolvency alone,
  /// docs/ODD.md 7.97)
  std::uint32_t exit_loss_months = 0;
  double expand_above = 0.95;     ///< utilisation above which a profitable firm hires
  double shrink_below = 0.6;      ///< utilisation below which a firm sheds workers
  double adjustment_rate = 0.02;  ///< monthly hiring or shedding share
  double growth_noise_sd = 0.01;  ///< Gibrat noise on log employees per month
  std::uint32_t max_firms = 0;  ///< hard cap on alive firms (0: max(1,000,000, 2 × population.count)); entry
                                ///< beyond it stops the run
  double max_firm_growth = 50.0;  ///< hard cap on alive firms as a multiple of population.count
};

/** @brief All model parameters. */
struct ModelParams {
  PopulationParams population;
  MarketParams market;
  HouseholdParams households;
  TradeParams trade;
  TieParams ties;
  InformationParams information;
  KnowledgeParams knowledge;
  DemographyParams demography;
  sim::TraditionalStageParams stages;
  AdoptionParams adoption;
  PlatformServiceParams services;
  PlatformEconomyParams platform_economy;
  InfrastructureParams infrastructure;
  InterconnectionParams interconnection;
  FoundingParams founding;
  HierarchyParams hierarchy;
  AppsParams apps;
  InPlantParams in_plant;
  CrossBorderParams cross_border;
  PlatformStageParams platform_stages;
};

}  // namespace vicsim::agents
