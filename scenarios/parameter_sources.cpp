#include "scenarios/parameter_sources.hpp"

namespace vicsim::scenarios {

// One row per numeric scenario key (the key-reference path). "assumption" means our own choice, not a
// published estimate; "calibrated" names the target it was fitted to; "scenario data/choice" is an input the
// user sets for the world or the policy being studied.
const std::vector<ParameterSource>& parameter_sources() {
  static const std::vector<ParameterSource> table = {
      {"ticks", "scenario choice: the horizon studied"},
      {"regions[].x_km", "scenario data: the region's position on the map"},
      {"regions[].y_km", "scenario data: the region's position on the map"},
      {"regions[].internal_km",
       "scenario data; the default 30 km is an assumption (a prefecture-sized region)"},
      {"regions[].endowment",
       "scenario data; 0.5 for an industry not listed is an assumption (neutral endowment)"},
      {"regions[].infrastructure",
       "scenario data; the default 0.3 is an assumption. The bundled regions' ordering (east 0.4-0.5, centre "
       "0.35, west 0.3) follows MIIT's regional 5G shares of base stations (23.1%, 20.4%, 18.1%, Oct 2022); "
       "their spread is wider than the cited one (ODD 7.87)"},
      {"regions[].labour_cost", "scenario data; the default is an assumption"},
      {"regions[].land_cost", "scenario data; the default is an assumption"},
      {"regions[].relocation_barrier", "assumption (brief: relocation barrier per region)"},
      {"industries[].input_coefficient",
       "scenario data; the default (one unit of input per unit of output) is an assumption"},
      {"industries[].demand_weight", "scenario data: relative size of the industry's final demand"},
      {"industries[].cross_inputs[].share", "scenario data; the default is an assumption"},
      {"platforms[].min_digital_maturity", "scenario choice (openness rule)"},
      {"platforms[].launch_tick", "scenario choice; −1: launched by a policy"},
      {"platforms[].entry_fee", "assumption"},
      {"platforms[].transaction_fee",
       "assumption, of the order of B2B platform commissions; learned over time (7.21)"},
      {"platforms[].compute_gflops", "scenario choice"},
      {"platforms[].hosted_apps", "scenario choice; supET hosts 400 apps (brief, seed case 1) (ODD 7.66)"},
      {"policies[].start", "inclusive"},
      {"policies[].end", "scenario choice: the policy being studied"},
      {"policies[].budget", "scenario choice: the policy being studied"},
      {"policies[].infrastructure_gain", "scenario choice: the policy being studied"},
      {"policies[].rollout_months", "scenario choice: the policy being studied"},
      {"policies[].cost_per_level", "assumption"},
      {"policies[].subsidy_share",
       "Guangdong \"cloud vouchers\" pay part of the cost of going on the cloud (source text 2); the share "
       "is a scenario choice"},
      {"policies[].platform_subsidy_share", "scenario choice: the policy being studied"},
      {"policies[].fee_cap", "scenario choice: the policy being studied"},
      {"shocks[].start", "scenario choice: the shock being studied"},
      {"shocks[].duration", "scenario choice: the shock being studied"},
      {"shocks[].magnitude", "scenario choice: the shock being studied"},
      {"mechanisms.population.count", "assumption (demo scale; the brief targets 10^5)"},
      {"mechanisms.population.size_min", "assumption (micro-firm floor)"},
      {"mechanisms.population.size_max", "assumption (truncation of the Zipf tail)"},
      {"mechanisms.population.size_exponent",
       "calibrated 2026-12-02 (vicsim calibrate experiments/calibration_defaults.json; ODD 7.74, section 10 "
       "row 58): "
       "0.70, the mean of the seed-block fits 0.651 and 0.756, the only identified parameter of the fit, so "
       "that the "
       "simulated employee size tail (Hill exponent at month 120) meets Axtell (2001)'s alpha near 1 (target "
       "1.15 +- 0.35); it was 1.0, Axtell's alpha put on the initial draw directly, which left the month-120 "
       "tail at "
       "1.52. Confirmed, not changed, by the refit of 2026-12-02 with a mean-size target (63.1 employees, "
       "NBS "
       "2004 economic census) and the case figures (ODD 7.89): 0.704 on seed block 0, 0.763 on block 1"},
      {"mechanisms.population.sme_threshold",
       "EU SME definition (<250 employees). China's statistical definition is industry-specific and larger, "
       "so this is a convention"},
      {"mechanisms.population.productivity_sd",
       "assumption; smaller than the within-industry dispersion in manufacturing reported by Syverson "
       "(2011)"},
      {"mechanisms.population.endowment_productivity",
       "assumption: endowment 1 gives 40% more productivity than endowment 0"},
      {"mechanisms.population.location_endowment_power",
       "assumption; natural endowment drives where traditional clusters start (brief, Table 1)"},
      {"mechanisms.population.chain_master_share", "assumption"},
      {"mechanisms.population.initial_cash_months", "assumption; also sets entrants' capital (7.12)"},
      {"mechanisms.population.warmup_months",
       "chosen from measured exits over W = 0–60 (ODD 7.1a, 7.97): the initial population's insolvency wave "
       "runs from warm-up month 10 to about 36"},
      {"mechanisms.market.initial_utilisation",
       "assumption. It is **also** the normal utilisation used in cost-plus pricing (`agents/trade.cpp: "
       "set_prices`, ODD 7.2)"},
      {"mechanisms.market.demand_growth_per_year", "assumption"},
      {"mechanisms.market.price_elasticity",
       "assumption, within the range of CES substitution elasticities commonly used for manufactured goods. "
       "Also used for the split of orders among suppliers (7.3)"},
      {"mechanisms.market.reputation_weight", "assumption"},
      {"mechanisms.market.markup", "assumption"},
      {"mechanisms.households.propensity_income",
       "Godley & Lavoie (2007), model SIM (eq. 3.7): alpha1 = 0.6; their period taken as our month"},
      {"mechanisms.households.propensity_wealth",
       "Godley & Lavoie (2007), model SIM (eq. 3.7): alpha2 = 0.4, so households hold (1 - alpha1)/alpha2 = "
       "1 "
       "month of disposable income as deposits in the stationary state"},
      {"mechanisms.households.import_propensity",
       "China's imports of daily consumer goods, USD 202.05 billion in 2017 (China Daily Consumer Goods "
       "Foreign Trade Report 2017, as reported by LASRA, 'China's imports of consumer goods soar'), over "
       "total retail sales of consumer goods, 36.6 trillion yuan = USD 5.6 trillion (NBS, same report): "
       "0.036. Direct imports of final consumer goods only; the import content of domestic goods is not in "
       "it (the cluster's firms import only the inputs no firm makes, ODD 7.28) (ODD 7.85)"},
      {"mechanisms.households.dividend_share",
       "Caiani et al. (2016): firms distribute 90% of positive profits as dividends"},
      {"mechanisms.market.reputation_rate",
       "assumption: buyers remember a supplier's delivery record over about 10 months (1/0.1); not "
       "calibrated"},
      {"mechanisms.trade.suppliers_per_input", "assumption (dual sourcing)"},
      {"mechanisms.trade.local_candidates",
       "assumption: encodes the local bias of offline search (Brenner 2001; brief §1 \"traditional: "
       "regional\")"},
      {"mechanisms.trade.referral_candidates", "assumption"},
      {"mechanisms.trade.remote_candidates", "assumption (trade fairs, directories)"},
      {"mechanisms.trade.sales_search_probability", "assumption"},
      {"mechanisms.trade.online_sales_share",
       "assumption: a platform member canvasses co-members or its own region with equal chance; no data on "
       "the split was found (ODD 7.6)"},
      {"mechanisms.trade.switch_probability", "assumption"},
      {"mechanisms.trade.switch_margin", "assumption"},
      {"mechanisms.trade.choice_sensitivity",
       "assumption, not calibrated. A remote supplier at LC/p̄ 0.13 higher is about e^−1 ≈ 0.37 times as "
       "likely"},
      {"mechanisms.trade.transaction_cost_base", "assumption"},
      {"mechanisms.trade.distance_scale_km", "assumption: τ doubles at 500 km"},
      {"mechanisms.trade.production_days", "assumption"},
      {"mechanisms.trade.transport_km_per_day", "assumption: road freight"},
      {"mechanisms.trade.approval_hours",
       "26.5 h, so that an order to a well-known supplier (one round: approval plus the supplier's "
       "confirmation, 26.5 + 24 = 50.5 h) takes what requisition to confirmed purchase order takes at APQC's "
       "bottom performers, 48 h (5 h at the top; APQC Open Standards Benchmarking in Procurement, measure "
       "'cycle time in hours to place a PO', via M. Brown, 'Reduce the cycle time to place a purchase "
       "order', "
       "mypurchasingcenter.com, 19 Jul 2018, fig. 2) and at Procurify's median, 55 h (2026 Procurement "
       "Benchmark & KPIs Report, a vendor report); the split from response_hours is an assumption. The same "
       "on "
       "every channel: a platform order needs the same internal approval (ODD 7.84). Replaces "
       "order_processing_days (2 days, offline only, until 2026-12-02)"},
      {"mechanisms.trade.response_hours",
       "24 h: suppliers are asked to acknowledge a purchase order within a business day (acknowledgement "
       "service levels in procurement practice, e.g. beefed.ai 'Supplier Acknowledgment SOP' and AuraVMS "
       "'B2B order acknowledgment best practices', 2026, practitioner pages); the same on every channel, for "
       "quotes as for confirmations (ODD 7.84)"},
      {"mechanisms.trade.quote_rounds",
       "1: assumption; a buyer that knows nothing of a supplier asks for one quote before it orders. A "
       "manual "
       "RFQ cycle takes 3-4 days (AuraVMS, 'RFQ process flow', 2026, a vendor page), i.e. about one reply "
       "round beyond a purchase order's approval and acknowledgement; the rounds fall with the buyer's "
       "evidence as inspection does, h / (h + e) (ODD 7.83)"},
      {"mechanisms.trade.load_value_yuan",
       "FAF 2017: trucks moved 12.7 bn tons worth $13.7 trillion (≈ $1,080/t); × 20 t a load × 7 yuan/$ ≈ "
       "150,000 yuan (7.60; approximate)"},
      {"mechanisms.trade.max_hold_days",
       "time-and-quantity release policy (Higginson & Bookbinder 1994); 7 days = the weekly order cycle of "
       "7.45 (orders_per_tie_month = 4)"},
      {"mechanisms.trade.lead_time_cost_per_day",
       "assumption, deliberately below the 0.6–2.1% per day that Hummels & Schaur (2013) estimate for "
       "international shipments"},
      {"mechanisms.trade.spot_premium",
       "0.15: every dollar of non-compliant (off-contract) spend costs 12-18 cents more (A. Bartolini, "
       "Ardent "
       "Partners, SpendHQ webinar, reported in SpendHQ, 'Why does maverick spend keep happening?'; secondary "
       "report, survey-based); midpoint. No peer-reviewed spot-over-relationship premium for manufactured "
       "inputs was found (Song 2021 and Redl & Bunn 2013 find the other sign in produce and electricity). "
       "Until 2026-12-02 the default was 0.25 (ODD 7.3, 7.75)"},
      {"mechanisms.trade.spot_extra_days", "assumption"},
      {"mechanisms.trade.import_premium",
       "assumption: freight, duties and search for sourcing outside the cluster; imports keep the spot lead "
       "time"},
      {"mechanisms.trade.holding_cost_per_month",
       "Stock & Lambert (2001), Strategic Logistics Management, ch. 5: carrying cost 20–30% of inventory "
       "value a year; 0.02/month ≈ 24%/year"},
      {"mechanisms.trade.obsolescence_per_month",
       "assumption: consumer durables go out of season or model within about two years (half-life ≈ 13.5 "
       "months); part of the carrying-cost range"},
      {"mechanisms.ties.new_tie_half_life_months", "Reisch et al. (2025): supply-link half-life 13 months"},
      {"mechanisms.ties.trusted_tie_annual_survival",
       "Mizuno et al. (2014): 92% of customer links survive a year"},
      {"mechanisms.ties.trust_gain", "assumption, not calibrated"},
      {"mechanisms.ties.initial_trust_local",
       "assumption. It is also the initial trust of *every* collaboration tie (7.8)"},
      {"mechanisms.ties.preferential_exponent", "Reisch et al. (2025): new links ∝ k^1.08"},
      {"mechanisms.ties.uniform_fraction", "Atalay et al. (2011) r; value is an assumption"},
      {"mechanisms.knowledge.innovation_rate",
       "Nelson–Winter r_in·a_n; value is an assumption (≈21% a year for a 100-worker firm)"},
      {"mechanisms.knowledge.imitation_rate", "Nelson–Winter r_im·a_m; value is an assumption"},
      {"mechanisms.knowledge.reference_employees", "assumption"},
      {"mechanisms.knowledge.size_elasticity", "assumption (sub-linear stand-in for NW's ∝K)"},
      {"mechanisms.knowledge.frontier_initial", "assumption (mean initial productivity ≈ 1)"},
      {"mechanisms.knowledge.frontier_growth_per_year",
       "assumption, of the order of long-run productivity growth"},
      {"mechanisms.knowledge.innovation_sd", "assumption"},
      {"mechanisms.knowledge.imitation_gap_closed", "assumption"},
      {"mechanisms.knowledge.half_distance_km", "Keller (2002); see 7.9"},
      {"mechanisms.knowledge.local_contacts", "assumption"},
      {"mechanisms.knowledge.collaboration_probability", "assumption"},
      {"mechanisms.knowledge.max_collaborators", "assumption"},
      {"mechanisms.knowledge.entrant_productivity", "assumption (used in 7.12)"},
      {"mechanisms.demography.entry_rate", "assumption"},
      {"mechanisms.demography.entry_margin_sensitivity", "assumption"},
      {"mechanisms.demography.entrant_size_max", "assumption: entrants are small"},
      {"mechanisms.demography.agglomeration_weight", "assumption (agglomeration economies; Brenner 2001)"},
      {"mechanisms.demography.endowment_weight", "assumption"},
      {"mechanisms.demography.cost_weight", "assumption"},
      {"mechanisms.demography.barrier_weight", "assumption"},
      {"mechanisms.demography.exit_loss_months",
       "off by default (ODD 7.97): a rule shared by every firm of a type synchronised exits; insolvency "
       "alone "
       "(Levinthal 1991) decides. Any value > 0 restores the loss-streak rule (brief §2)"},
      {"mechanisms.demography.expand_above", "assumption"},
      {"mechanisms.demography.shrink_below", "shared with capacity adjustment (7.10)"},
      {"mechanisms.demography.adjustment_rate", "assumption"},
      {"mechanisms.demography.growth_noise_sd", "assumption (Gibrat's law of proportional growth)"},
      {"mechanisms.demography.max_firms",
       "safety limit, not a mechanism (issue 16); 0 scales it with the population: max(1,000,000, 2 x "
       "count)"},
      {"mechanisms.demography.max_firm_growth", "safety limit, not a mechanism (issue 16)"},
      {"mechanisms.stages.concentration_eg", "Ellison & Glaeser (1997): γ > 0.05 is \"highly concentrated\""},
      {"mechanisms.stages.chain_completeness", "assumption"},
      {"mechanisms.stages.chain_local_share", "assumption: a *regional* chain has mostly local ties"},
      {"mechanisms.stages.chain_trust",
       "derived (docs/ODD.md 7.14): −1 = ½ · on_time_mean · (1 − defect_mean), the trust of an average "
       "supplier after evidence_half deliveries"},
      {"mechanisms.stages.ecosystem_clustering", "assumption"},
      {"mechanisms.stages.ecosystem_innovation",
       "assumption (share of firms with a gain in the last 12 months)"},
      {"mechanisms.stages.ecosystem_giant", "assumption"},
      {"mechanisms.stages.persistence", "assumption"},
      {"mechanisms.adoption.bass_p",
       "Bass (1969); mean p of the meta-analysis by Sultan, Farley & Lehmann (1990)"},
      {"mechanisms.adoption.bass_q", "Bass (1969); mean q, Sultan, Farley & Lehmann (1990)"},
      {"mechanisms.adoption.partner_weight",
       "assumption: trading partners weigh more than anonymous peers (source text: lead firms \"pull\" their "
       "SMEs)"},
      {"mechanisms.adoption.threshold_min",
       "Watts (2002) uses a threshold distribution; the range is an assumption"},
      {"mechanisms.adoption.threshold_max",
       "Watts (2002) uses a threshold distribution; the range is an assumption"},
      {"mechanisms.adoption.threshold_rate",
       "assumption: a firm whose threshold is met adopts within a few months"},
      {"mechanisms.adoption.infrastructure_floor",
       "calibrated: readiness at infrastructure 0 is 40% of that at level 1, so infrastructure matters "
       "(policy lever 1) without making adoption impossible in the weakest regions"},
      {"mechanisms.adoption.size_reference",
       "the SME threshold (7.1): firms of that size or larger face no size penalty"},
      {"mechanisms.adoption.size_elasticity",
       "calibrated: a 10-worker firm is about 0.45 times as ready as a large firm, a divide of the order the "
       "source texts describe (\"SMEs dare not, cannot, will not go on the cloud\")"},
      {"mechanisms.adoption.cloud_cost_fixed", "assumption: entry-level cloud/SaaS package"},
      {"mechanisms.adoption.cloud_cost_per_employee", "assumption: per-seat and per-device cost"},
      {"mechanisms.adoption.cost_sensitivity",
       "calibrated: a cloud cost of 10% of value added cuts readiness by 40%; vouchers (7.24) then have a "
       "visible effect"},
      {"mechanisms.adoption.maturity_gain", "assumption: maturity halves its gap to 1 in about 14 months"},
      {"mechanisms.adoption.maturity_productivity_gain",
       "0.223: MIIT data on the 230+ excellence-level smart factories (China News Service, 7 Feb 2025): "
       "production efficiency +22.3% on average after the transformation (before/after), the lowest "
       "of MIIT's three published production-efficiency figures (209 demonstration factories: +34.8%, "
       "SCIO press conference of 1 Mar 2023, the source of maturity_gain; 305 pilot projects: +37.6%, "
       "People's Daily, 12 Dec 2018, the upper alternative). Full smart-factory transformations of selected "
       "plants, self-reported: an upper bound for cloud maturity, as for "
       "mechanisms.information.maturity_gain (ODD 7.108)"},
      {"mechanisms.adoption.join_p",
       "calibrated: platforms are marketed actively, so the innovation term is above Bass's mean p"},
      {"mechanisms.adoption.join_q",
       "calibrated: joining spreads along the supply chain faster than generic diffusion (source text 1: "
       "platforms pull upstream and downstream firms); gives an S-curve over roughly 3–6 years"},
      {"mechanisms.adoption.owner_pull", "assumption: partners of the chain-master join three times as fast"},
      {"mechanisms.adoption.leave_rate",
       "assumption: about 3.5% churn a year (\"free entry and exit\", Table 1)"},
      {"mechanisms.adoption.multihoming_discount",
       "assumption: a second platform is worth half the first (Heinrich & Gräbner 2019 allow multi-homing at "
       "a cost)"},
      {"mechanisms.services.platform_candidates",
       "assumption: as many as the local offline candidates (7.5), but drawn from the whole reachable pool"},
      {"mechanisms.services.logistics_fee",
       "assumption: 0.5% of value shipped, below the 0.9% a 3-day shorter wait is worth at λ = 0.003/day "
       "(7.60); "
       "not calibrated"},
      {"mechanisms.services.logistics_cost",
       "assumption: cross-dock handling at 0.4% of value shipped, so the fee covers it with a small margin; "
       "not calibrated"},
      {"mechanisms.services.forecast_error_sd", "assumption: forecast error of standard demand"},
      {"mechanisms.services.c2m_share",
       "assumption: personalised (C2M) share of final demand (brief §2 \"market: share of personalised "
       "demand\")"},
      {"mechanisms.services.c2m_error_sd", "assumption: personalised demand is much harder to forecast"},
      {"mechanisms.services.forecast_error_cut",
       "calibrated: with C2M forecasting the Anjiale case reports margins up to +60%; a 60% cut of the error "
       "removes most markdown and stock-out losses"},
      {"mechanisms.services.markdown_cost", "assumption: unsold goods are cleared at half their cost"},
      {"mechanisms.services.knowledge_contacts", "assumption"},
      {"mechanisms.services.credit_months", "assumption: data-driven working-capital credit"},
      {"mechanisms.services.interest_per_year",
       "assumption: the People's Bank of China one-year benchmark lending rate 2015–2019 (4.35%); also a "
       "firm's discount rate when it weighs an in-plant service (ODD 7.106)"},
      {"mechanisms.services.repayment_months",
       "assumption: one-year working-capital loans, repaid in instalments of loan / 12 from positive cash"},
      {"mechanisms.services.dispatch_share",
       "calibrated to the Ruifang total cost (−8%, section 8): a member offers half its overflow to the "
       "platform and keeps the rest with its usual spot sources. With 1.0 joiners' total cost fell 25–29% "
       "because dispatch moved demand from non-members to them (section 10, row 38)"},
      {"mechanisms.platform_economy.fee_step", "assumption"},
      {"mechanisms.platform_economy.fee_learning_rate",
       "assumption; Roth & Erev (1995) use recency (\"forgetting\") parameters of this order"},
      {"mechanisms.platform_economy.fee_ceiling",
       "assumption: by default a learned fee never exceeds 20% of the transaction value, above the "
       "commissions B2B "
       "platforms charge, so it bounds a runaway learner; it binds in some seeds (ODD 7.21, section 10). A "
       "policy fee_cap below it applies"},
      {"mechanisms.platform_economy.aspiration_rate",
       "assumption: the aspiration follows about a year of quarterly profits (Börgers & Sarin 2000 leave the "
       "rate free)"},
      {"mechanisms.platform_economy.fixed_cost", "assumption: staff and operations"},
      {"mechanisms.platform_economy.cost_per_member", "assumption"},
      {"mechanisms.platform_economy.cost_per_gflops", "assumption"},
      {"mechanisms.platform_economy.invest_above_load", "assumption: invest before saturation"},
      {"mechanisms.platform_economy.invest_step", "assumption"},
      {"mechanisms.platform_economy.cost_per_gbps",
       "assumption: the default 10 Gbit/s costs a tenth of `fixed_cost`"},
      {"mechanisms.platform_economy.edge_cost_per_member",
       "assumption: a shared edge gateway and its stream-computing service per member site"},
      {"mechanisms.platform_economy.edge_max",
       "assumption: edge cleaning removes most raw telemetry (DMEGC case), never all"},
      {"mechanisms.platform_economy.initial_cash",
       "assumption: launch capital covers about two years of losses"},
      {"mechanisms.platform_economy.fail_loss_months", "assumption (\"platforms may fail\", issue)"},
      {"mechanisms.infrastructure.bandwidth_min_mbps",
       "assumption: basic business broadband; below the 100 Mbit/s that 93.9% of fixed broadband users had "
       "in "
       "2022 (MIIT 2022 statistical bulletin), so level 0 is weaker than any cited region (ODD 7.87)"},
      {"mechanisms.infrastructure.bandwidth_max_mbps",
       "assumption: 10 Gbit/s industrial fibre / 5G backhaul"},
      {"mechanisms.infrastructure.latency_max_ms", "assumption: poor access network"},
      {"mechanisms.infrastructure.latency_min_ms", "assumption: of the order of 5G / edge latency targets"},
      {"mechanisms.infrastructure.fibre_km_per_ms", "physics: light in fibre travels about 200 km per ms"},
      {"mechanisms.infrastructure.uplink_gbps", "assumption"},
      {"mechanisms.infrastructure.window_s", "assumption: the busy second simulated each month"},
      {"mechanisms.infrastructure.gflop_per_member", "assumption: matching and dispatch"},
      {"mechanisms.infrastructure.gflop_forecast", "assumption: forecasting models"},
      {"mechanisms.interconnection.connect_rate",
       "assumption: voluntary connection is slow (source text 2: platforms start as closed \"islands\")"},
      {"mechanisms.interconnection.sync_gflop", "assumption"},
      {"mechanisms.platform_stages.dominance_members", "assumption: a fifth of firms on platforms"},
      {"mechanisms.platform_stages.dominance_chain",
       "assumption: \"the platform pulls upstream and downstream firms onto the cloud and connects the "
       "chain's data\""},
      {"mechanisms.platform_stages.community_ties", "assumption"},
      {"mechanisms.platform_stages.community_collaboration",
       "assumption: members \"interact on the platform as a community\""},
      {"mechanisms.platform_stages.global_export_share",
       "China's exports of goods and services, 17.4% of GDP in 2019 (Statista, quoted by planbeijing.com "
       "'Export trade in China'; an economy counts as relatively open at about 15%): members are embedded in "
       "the global division of labour when they sell at least the national share abroad through platforms "
       "(ODD 7.26, 7.79)"},
      {"mechanisms.platform_stages.ecosystem2_connected", "assumption"},
      {"mechanisms.platform_stages.ecosystem2_cross", "assumption: \"partial division of labour\""},
      {"mechanisms.platform_stages.ecosystem3_connected", "assumption"},
      {"mechanisms.platform_stages.ecosystem3_cross", "assumption"},
      {"mechanisms.platform_stages.ecosystem3_mutual",
       "assumption: \"mutually dependent\" = most connected platforms do at least 5% of their trade "
       "integrated across platforms (7.53)"},
      {"mechanisms.platform_stages.persistence",
       "assumption (shorter than the traditional 6: platform indicators move faster)"},
      {"industries[].relatedness",
       "scenario data; bundled values argued in ODD 7.38; default from the input–output links "
       "(sim::io_relatedness)"},
      {"mechanisms.adoption.decision_noise",
       "argued: of the order of the month-to-month spread of a firm's margin, which the firm cannot tell "
       "from a platform effect (ODD 7.37)"},
      {"mechanisms.adoption.entry_fee_months",
       "argued: a two-year horizon for a one-off fee (was hard-coded) (ODD 7.37); also the horizon over "
       "which "
       "a firm weighs the ramp of an in-plant service (ODD 7.106)"},
      {"mechanisms.adoption.margin_smoothing",
       "argued: a memory of about 5 months, long enough to average out monthly demand noise, short enough to "
       "register a change within a year (ODD 7.35)"},
      {"mechanisms.adoption.min_history",
       "argued: half a year on each side before a firm trusts its own before/after comparison (ODD 7.35)"},
      {"mechanisms.adoption.prior_value",
       "argued: no gain is assumed before anyone has realised one (ODD 7.36)"},
      {"mechanisms.adoption.value_learning_rate",
       "adaptive expectations (Nerlove 1958); argued: the same 5-month memory as the margins (ODD 7.36)"},
      {"mechanisms.founding.compute_per_firm",
       "assumption: ten times the per-member load `gflop_per_member`, for growth (ODD 7.50)"},
      {"mechanisms.founding.decision_rate",
       "assumption: a positive case is acted on within about ten months (ODD 7.50)"},
      {"mechanisms.founding.discount_per_year",
       "assumption: about twice the lender's 4.35%; the only risk margin of the founder's case (ODD 7.50, "
       "7.76)"},
      {"mechanisms.founding.entry_fee",
       "assumption, below the declared platforms' 5000 (a newcomer) (ODD 7.50)"},
      {"mechanisms.founding.expected_join_share", "assumption (ODD 7.50)"},
      {"mechanisms.founding.fee", "the bundled scenarios' platforms charge 1–3% (ODD 7.50)"},
      {"mechanisms.founding.first_tick",
       "assumption: founders observe half a year of the firms' digital readiness first (ODD 7.50)"},
      {"mechanisms.founding.horizon_months", "assumption: a five-year business plan (ODD 7.50)"},
      {"mechanisms.founding.launch_cost",
       "assumption: set-up of a platform of the supET/Feixiang kind at cluster scale (order of tens of "
       "millions of yuan; source text 2 gives no figure) (ODD 7.50)"},
      {"mechanisms.founding.max_founded",
       "assumption: enough for a surface per large region, a line per industry and a few points (ODD 7.50)"},
      {"mechanisms.founding.mediated_share",
       "assumption, not sourced: half of a member's purchases expected on the platform (ODD 7.50; not the "
       "0.25 of `community_ties`, 7.26, once cited here)"},
      {"mechanisms.founding.regional_min_firms",
       "assumption: a region too small for a surface of its own (ODD 7.50)"},
      {"mechanisms.founding.rival_weight", "assumption: one rival halves the expected members (ODD 7.50)"},
      {"mechanisms.cross_border.export_potential",
       "assumption, and not identified: foreign buyers' orders are capped by the rest of the world's budget "
       "(ODD 7.85), and whenever export_potential x the scenario's final spending exceeds that budget (any "
       "value above about 0.05 in the bundled runs) the runs do not depend on it; 0.5 as in ODD 7.79"},
      {"mechanisms.cross_border.offline_reach",
       "assumption: on Alibaba.com 'the traffic goes almost exclusively to Gold Suppliers', being listed is "
       "'a basic necessity for suppliers in China who want to be found' (chinaimportal.com, 'Guide to "
       "Alibaba "
       "Gold Suppliers'); a firm's own trade fairs and agents reach a tenth of foreign demand (ODD 7.79)"},
      {"mechanisms.cross_border.world_income_share",
       "default 0 (off): with it on the cluster grows without bound, the rest of the world spending all it "
       "receives so that W enters the circuit every month (ODD 7.95). The value to switch it on, 0.117: "
       "NBS statistical communique 2019: export delivery value of industrial enterprises above designated "
       "size "
       "12.42 trillion yuan against their business revenue of 105.8 trillion yuan, 12.42 / 105.8 = 0.117 "
       "(the "
       "export share of Chinese industrial sales; figures as recalled from the communique and NBS's "
       "industrial "
       "profits release, not re-checked against them this session) (ODD 7.95)"},
      {"mechanisms.cross_border.world_income_growth_per_year",
       "WTO World Trade Report 2015, ch. I: world merchandise trade volume grew 2.2% (2012), 2.5% (2013) and "
       "2.5% (2014); mean 2.4% a year (ODD 7.95)"},
      {"mechanisms.cross_border.fee_per_month",
       "Alibaba.com basic export membership ('chukoutong'), list price 29,800 yuan/year as widely reported "
       "(not verified against Alibaba's own price list): 2,483 yuan/month (ODD 7.79)"},
      {"mechanisms.apps.bytes_per_day",
       "assumption: a few MB of app sessions a day, a fifth of the design-data exchange (ODD 7.67)"},
      {"mechanisms.apps.cost_per_app",
       "0.1 developer FTE per app at the NBS 2022 average wage of information transmission, software and IT "
       "services in urban non-private units (220,418 yuan/year; NBS release of 9 May 2023 on 2022 average "
       "wages, table 2; verified 2026-12-02) (ODD 7.67, 7.75)"},
      {"mechanisms.apps.fee_per_employee",
       "DingTalk Professional: 999 yuan/year for 5 users, 199.8 yuan/user/year (stwx.bjufida.com on DingTalk "
       "OA "
       "pricing); 16.7 yuan/employee/month; not re-verified 2026-12-02 (no stored copy of a DingTalk price "
       "page found) (ODD 7.67, 7.75)"},
      {"mechanisms.apps.half_apps",
       "assumption: a quarter of supET's 400 hosted apps covers half of what apps can save (ODD 7.67)"},
      {"mechanisms.apps.saving_max",
       "e-procurement cuts order processing by up to 48% (EdTech Magazine 2009, 'Colleges deploy "
       "e-procurement "
       "systems to slash costs and control spending', quoting IT experts) (ODD 7.67)"},
      {"mechanisms.in_plant.days_cut",
       "lead time -27% ('reduced lead time', the lower of the two time figures; cycle time "
       "-45%). MESA International (1997), 'MES Explained: A High Level Vision' (White Paper 6), "
       "survey of MES users, before/after: manufacturing cycle time -45%, data entry time -75%, "
       "WIP -24%, paperwork between shifts -61%, lead time -27%, paperwork and blueprint losses "
       "-56%, defects -18% (averages as widely quoted; UNVERIFIED: no stored copy of the white "
       "paper was found on 2026-12-02; self-reported by users, not causal) (ODD 7.102)"},
      {"mechanisms.in_plant.defect_cut",
       "defects -18% ('improved product quality (reduced defects)'). MESA International (1997), "
       "'MES Explained: A High Level Vision' (White Paper 6), survey of MES users, before/after: "
       "manufacturing cycle time -45%, data entry time -75%, WIP -24%, paperwork between shifts "
       "-61%, lead time -27%, paperwork and blueprint losses -56%, defects -18% (averages as "
       "widely quoted; UNVERIFIED: no stored copy of the white paper was found on 2026-12-02; "
       "self-reported by users, not causal) (ODD 7.102)"},
      {"mechanisms.in_plant.fee_per_device",
       "calibrated (ODD 7.89, session 36): 2 yuan/device/month, i.e. 500 yuan/month (6,000 yuan/year) "
       "for the 250 devices of a member (7.91); fitted with experiments/calibration_defaults.json "
       "to the four case figures and the firm-size targets (seed block 0: 1.85, block 1: 1.0 at its "
       "lower bound; flat profile over about 1-5; every fit rejects the former assumption, 8, i.e. "
       "2,000 yuan/month, itself unverified). No price list of a Chinese in-plant SaaS was found, so "
       "the fitted price is not checked against one; Western per-device IIoT "
       "licences quote $50-500/device/month for a machine or gateway (MachineCDN, 'Total Cost of "
       "Ownership for IIoT Platforms'), for devices far fewer than 250 per firm (ODD 7.102)"},
      {"mechanisms.in_plant.paperwork_cut",
       "paperwork between shifts -61%. MESA International (1997), 'MES Explained: A High Level "
       "Vision' (White Paper 6), survey of MES users, before/after: manufacturing cycle time "
       "-45%, data entry time -75%, WIP -24%, paperwork between shifts -61%, lead time -27%, "
       "paperwork and blueprint losses -56%, defects -18% (averages as widely quoted; "
       "UNVERIFIED: no stored copy of the white paper was found on 2026-12-02; self-reported by "
       "users, not causal) (ODD 7.102)"},
      {"mechanisms.in_plant.ramp_months",
       "assumption: the effect builds up with a 12-month time constant, like an MES roll-out of "
       "several months to a year; not sourced (ODD 7.102)"},
      {"mechanisms.in_plant.service_life_months",
       "the service life of a bought system, taken from the minimum write-off periods of Chinese tax law "
       "(not from a survey of actual use): Caishui [2012] No. 27 art. 7 (Ministry of Finance and State "
       "Administration of Taxation) lets an enterprise amortise purchased software, as an intangible asset "
       "or "
       "fixed asset, over as short as 2 years; the Enterprise Income Tax Law Implementation Regulations "
       "(State Council 2007) art. 60(5) set the minimum depreciation period of electronic equipment at 3 "
       "years and art. 67 amortise intangible assets over not less than 10 years. Default 36 months: the "
       "in-plant system is mostly devices and their data collection (electronic equipment, 3 years); range "
       "24-120 months, from the software minimum to the intangible-asset minimum. Minimum tax write-off "
       "periods, not measured service lives. Wording checked 2026-12-03 against secondary quotations "
       "(gaodun.com and the Suzhou tax bureau's answer for art. 7, acc5.com for art. 60, riosart.com for "
       "art. 67), not against the official texts (ODD 7.107)"},
      {"mechanisms.in_plant.shop_floor_share",
       "assumption: half of the non-coordination management overhead is shop-floor records, "
       "statistics, paper forms and inspection rounds, mirroring coordination_share = 0.5 (ODD "
       "7.102)"},
      {"mechanisms.hierarchy.app_depreciation",
       "assumption: apps go out of date in about four years (ODD 7.51)"},
      {"mechanisms.hierarchy.app_half", "assumption (ODD 7.51)"},
      {"mechanisms.hierarchy.app_rate",
       "assumption; Feixiang gathered 200+ SaaS apps over 300 benchmark factories (source text 2) (ODD "
       "7.51)"},
      {"mechanisms.hierarchy.compute_saving", "assumption: shared data-centre economies of scale (ODD 7.51)"},
      {"mechanisms.hierarchy.data_half_yuan",
       "assumption: a few lines' monthly GMV in the bundled world (ODD 7.51)"},
      {"mechanisms.hierarchy.data_rate",
       "assumption: the data stock follows about ten months of trade (ODD 7.51)"},
      {"mechanisms.information.belief_memory",
       "assumption: evidence half-life 13.5 months; a steady tie holds about 20 deliveries of evidence (ODD "
       "7.31)"},
      {"mechanisms.information.coordination_share",
       "assumption: half of management overhead is purchasing and supplier coordination (ODD 7.34); not "
       "identified by the case-figure calibration (flat profile, ODD 7.89)"},
      {"mechanisms.information.defect_mean",
       "assumption, below the former 8% rework share because customers now also bear escapes (ODD 7.30)"},
      {"mechanisms.information.evidence_half",
       "assumption: half a year of deliveries halves inspection and screening (ODD 7.32)"},
      {"mechanisms.information.incident_hours",
       "assumption: a late delivery or defective lot takes four times a routine order cycle to handle (ODD "
       "7.34)"},
      {"mechanisms.information.inspection_cost",
       "assumption: incoming inspection and supplier audits of an unknown supplier (ODD 7.32)"},
      {"mechanisms.information.late_days", "assumption (ODD 7.30)"},
      {"mechanisms.information.lots_per_delivery",
       "assumption: weekly lots in a monthly delivery (ODD 7.30)"},
      {"mechanisms.information.maturity_gain",
       "0.34 logits: MIIT's before/after analysis of 209 demonstration smart factories found defect rates "
       "27.4% lower after the transformation (Xin Guobin, MIIT vice-minister, State Council Information "
       "Office press conference, 1 Mar 2023; news reports), i.e. 0.334 logits at the defect mean 0.05. "
       "Upper alternative: 50.2% lower in 230+ excellence-level smart factories (MIIT data, Feb 2025), 0.72 "
       "logits. Both describe full smart-factory transformation of selected plants, an upper bound for "
       "cloud maturity; the on-time side has no figure and uses the same logits (assumption). Until "
       "2026-12-02 the default was 0.8 (ODD 7.30, 7.75)"},
      {"mechanisms.information.on_time_mean",
       "assumption: on-time-in-full rates of 80–90% are typical of supplier scorecards (ODD 7.30)"},
      {"mechanisms.information.prior_observations", "assumption: a weak prior (ODD 7.31)"},
      {"mechanisms.information.rating_visibility",
       "the information knob of the check: 0 makes platform information equal to offline (ODD 7.31)"},
      {"mechanisms.information.referral_weight", "assumption: hearsay counts half (ODD 7.31)"},
      {"mechanisms.information.reliability_persistence",
       "assumption: half-life of a deviation about 2 years (ODD 7.30)"},
      {"mechanisms.information.reliability_sd",
       "assumption: a 1-sd firm is late 8.8% instead of 15% of the time (ODD 7.30); not pinned by the "
       "case-figure calibration (seed blocks 0.60 and 0.34, ODD 7.89)"},
      {"mechanisms.information.rework_cost_share",
       "assumption: a defective input costs its value to rework or replace (ODD 7.30)"},
      {"mechanisms.information.risk_aversion", "assumption (ODD 7.32)"},
      {"mechanisms.information.screening_cost", "assumption: about a day of a buyer's time (ODD 7.32)"},
      {"mechanisms.infrastructure.busy_hours_per_day", "one shift (ODD 7.45)"},
      {"mechanisms.infrastructure.design_bytes_per_day",
       "assumption: about one CAD file and specifications a day (ODD 7.45)"},
      {"mechanisms.infrastructure.devices_per_member",
       "seed text industrial-internet-platform-models (case 2, Chongqing Feixiang): "
       "计划3年内接入100万工业设备, "
       "助力重庆4000家制造企业 (1,000,000 devices planned for the 4,000 manufacturing firms it serves), 250 "
       "devices per firm served; the seed gives no firm size, so the count is per member firm (ODD 7.91). "
       "MIIT's national count (79 million devices, 1.6 million firms served, 2022) gives 49: a lower bound"},
      {"mechanisms.infrastructure.dispatch_bytes_per_day",
       "assumption: capacity status and offers (ODD 7.45)"},
      {"mechanisms.infrastructure.dispatch_window_hours",
       "assumption: overflow is placed within half a shift of the order (carbon-guitar case: same-day "
       "dispatch) (ODD 7.48)"},
      {"mechanisms.infrastructure.forecast_bytes_per_day",
       "assumption: a day's order and sales records of a final-stage firm (ODD 7.45)"},
      {"mechanisms.infrastructure.forecast_coherence_days",
       "assumption: personalised (C2M) demand signals change within days (C2M production cycles of about a "
       "week); not calibrated (ODD 7.47)"},
      {"mechanisms.infrastructure.order_bytes",
       "1 kB + 5 lines × 0.2 kB (Profiz EDI traffic estimate) (ODD 7.45)"},
      {"mechanisms.infrastructure.orders_per_tie_month", "assumption: weekly replenishment (ODD 7.45)"},
      {"mechanisms.infrastructure.telemetry_Bps_per_device",
       "~40 JSON tags at 1 Hz + MQTT/TCP overhead (deviceWISE; MachineCDN); assumption on tag count and rate "
       "(ODD 7.45)"},
      {"mechanisms.infrastructure.working_days_per_month", "five-day weeks (ODD 7.45)"},
      {"mechanisms.interconnection.technology_saving", "assumption (ODD 7.52)"},
      {"mechanisms.knowledge.member_contacts",
       "assumption: about the 2 co-members a month that platform knowledge contacts use (7.18) (ODD 7.38)"},
  };
  return table;
}

const std::vector<FixedConstant>& fixed_constants() {
  static const std::vector<FixedConstant> table = {
      {"Propensity floor of fee learning", "agents/platform_strategy.cpp: settle_platforms", "0.01",
       "numerical safeguard of Roth-Erev learning: no fee action's propensity reaches 0, so every action "
       "stays possible (7.21)"},
      {"Forecast error floor", "agents/trade.cpp: produce_to_forecast", "−0.9 (relative error)",
       "numerical safeguard: a final-stage firm always plans at least 10% of its orders, so output and unit "
       "costs stay positive (7.3)"},
      {"Draw bound of platform matchmaking", "agents/supplier_search.cpp: search_supplier",
       "4 draws per wanted candidate",
       "numerical safeguard: a member draws from its type's members until it has the wanted number in its "
       "reach, at most 4 per wanted candidate, so a member whose reach covers few of them does not loop; it "
       "binds only when most of the type's members are on platforms outside the member's reach (7.18)"},
      {"Initial digital maturity", "agents/population.cpp: populate", "U(0,1) · 0.2",
       "assumption: firms start far from digital readiness (the source texts' \"dare not, cannot, will not "
       "go on the cloud\"); maturity then grows on the cloud (7.16)"},
      {"Initial reputation of a chain-master", "agents/population.cpp: populate", "0.8",
       "assumption: lead firms start with a record above the neutral 0.5; it decays to their fill rate at "
       "mechanisms.market.reputation_rate"},
      {"Reputation of a new firm, and the neutral point of the demand share",
       "sim/firms.cpp: Firms::add; agents/demography.cpp: enter_firms; agents/trade.cpp: allocate_demand",
       "0.5",
       "definition: a firm without a record is neutral, so reputation_weight shifts demand only for a record "
       "above or below the middle of [0, 1]"},
      {"Employee floor", "agents/demography.cpp: adjust_capacity", "0.2 · size_min (workers)",
       "numerical safeguard: a shrinking firm keeps a positive capacity, so prices and utilisation stay "
       "defined; it exits by the loss rule instead (7.11)"},
      {"Innovation-share window", "sim/tick_metrics.cpp: sum_firms", "12 months",
       "definition of the metric innovation_share (firms whose productivity rose in the last year, 7.13)"},
      {"Location-weight epsilon", "agents/population.cpp: populate", "1e-9",
       "numerical safeguard: a region with endowment 0 keeps a vanishing weight, so the draw is defined when "
       "every endowment is 0"},
      {"Endowment epsilon", "agents/demography.cpp: location_utility", "1e-3",
       "numerical safeguard: ln(endowment) stays finite at endowment 0"},
      {"Poisson normal approximation", "sim/distributions.cpp: poisson", "above λ = 60",
       "numerical: exact inversion below, a rounded normal N(λ, √λ) (floored at 0) above, where the two are "
       "close"},
  };
  return table;
}

}  // namespace vicsim::scenarios
