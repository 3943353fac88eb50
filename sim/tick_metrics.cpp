#include "sim/tick_metrics.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstddef>

#include "sim/concentration.hpp"
#include "sim/industry.hpp"
#include "sim/interconnection.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/refill.hpp"
#include "sim/welfare_metrics.hpp"

namespace vicsim::sim {

const std::vector<TransactionCostColumn>& transaction_cost_columns() {
  using P = TransactionCostParts;
  using M = TickMetrics;
  static const std::vector<TransactionCostColumn> cols{{
      {"tc_handling_per_unit", &P::handling, &M::tc_handling_per_unit},
      {"tc_inspection_per_unit", &P::inspection, &M::tc_inspection_per_unit},
      {"tc_commission_per_unit", &P::commission, &M::tc_commission_per_unit},
      {"tc_rework_per_unit", &P::rework, &M::tc_rework_per_unit},
      {"tc_lateness_per_unit", &P::lateness, &M::tc_lateness_per_unit},
      {"tc_search_per_unit", &P::search, &M::tc_search_per_unit},
      {"tc_spot_premium_per_unit", &P::spot_premium, &M::tc_spot_premium_per_unit},
      {"tc_spot_information_per_unit", &P::spot_information, &M::tc_spot_information_per_unit},
      {"tc_marketplace_fee_per_unit", &P::marketplace_fee, &M::tc_marketplace_fee_per_unit},
      {"tc_dispatch_premium_per_unit", &P::dispatch_premium, &M::tc_dispatch_premium_per_unit},
      {"tc_dispatch_inspection_per_unit", &P::dispatch_inspection, &M::tc_dispatch_inspection_per_unit},
      {"tc_dispatch_fee_per_unit", &P::dispatch_fee, &M::tc_dispatch_fee_per_unit},
      {"tc_logistics_fee_per_unit", &P::logistics_fee, &M::tc_logistics_fee_per_unit},
  }};
  return cols;
}

const std::vector<Column>& columns() {
  static const std::vector<Column> cols = [] {
    std::vector<Column> c{{
        {"tick", "month", &TickMetrics::tick},
        {"firms", "count", &TickMetrics::firms},
        {"entries", "count", &TickMetrics::entries},
        {"exits", "count", &TickMetrics::exits},
        {"relocations", "count", &TickMetrics::relocations},
        {"sme_share", "share", &TickMetrics::sme_share},
        {"employees", "workers", &TickMetrics::employees},
        {"output", "yuan/month", &TickMetrics::output},
        {"real_output", "yuan/month", &TickMetrics::real_output},
        {"value_added", "yuan/month", &TickMetrics::value_added},
        {"profit", "yuan/month", &TickMetrics::profit},
        {"productivity_mean", "units/worker/month", &TickMetrics::productivity_mean},
        {"productivity_sd", "units/worker/month", &TickMetrics::productivity_sd},
        {"innovations", "count", &TickMetrics::innovations},
        {"imitations", "count", &TickMetrics::imitations},
        {"innovation_share", "share", &TickMetrics::innovation_share},
        {"ties", "count", &TickMetrics::ties},
        {"ties_formed", "count", &TickMetrics::ties_formed},
        {"ties_dissolved", "count", &TickMetrics::ties_dissolved},
        {"local_tie_share", "share", &TickMetrics::local_tie_share},
        {"cross_region_tie_share", "share", &TickMetrics::cross_region_tie_share},
        {"cross_industry_tie_share", "share", &TickMetrics::cross_industry_tie_share},
        {"density", "ratio", &TickMetrics::density},
        {"mean_degree", "ties/firm", &TickMetrics::mean_degree},
        {"clustering", "ratio", &TickMetrics::clustering},
        {"clustering_se", "ratio", &TickMetrics::clustering_se},
        {"giant_component_share", "share", &TickMetrics::giant_component_share},
        {"components", "count", &TickMetrics::components},
        {"eg_index", "gamma", &TickMetrics::eg_index},
        {"top_region_share", "share", &TickMetrics::top_region_share},
        {"transaction_cost_per_unit", "yuan/unit", &TickMetrics::transaction_cost_per_unit},
        {"transaction_cost_share", "yuan/yuan", &TickMetrics::transaction_cost_share},
    }};
    // The transaction-cost parts, from their one table.
    for (const auto& t : transaction_cost_columns()) c.push_back({t.name, "yuan/unit", t.member});
    const std::vector<Column> after{{
        {"lead_time_days", "days", &TickMetrics::lead_time_days},
        {"capacity_utilisation", "share", &TickMetrics::capacity_utilisation},
        {"spot_share", "share", &TickMetrics::spot_share},
        {"chain_completeness", "share", &TickMetrics::chain_completeness},
        {"supply_trust", "0-1", &TickMetrics::supply_trust},
        {"stage", "0-3", &TickMetrics::stage},
        {"cloud_adoption_share", "share", &TickMetrics::cloud_adoption_share},
        {"sme_adoption_share", "share", &TickMetrics::sme_adoption_share},
        {"large_adoption_share", "share", &TickMetrics::large_adoption_share},
        {"digital_divide_gap", "share", &TickMetrics::digital_divide_gap},
        {"platform_member_share", "share", &TickMetrics::platform_member_share},
        {"sme_participation", "share", &TickMetrics::sme_participation},
        {"multihoming_share", "share", &TickMetrics::multihoming_share},
        {"platforms_alive", "count", &TickMetrics::platforms_alive},
        {"platform_hhi", "0-1", &TickMetrics::platform_hhi},
        {"platform_tie_share", "share", &TickMetrics::platform_tie_share},
        {"platform_cross_region", "share", &TickMetrics::platform_cross_region},
        {"member_collaboration", "share", &TickMetrics::member_collaboration},
        {"chain_coverage", "share", &TickMetrics::chain_coverage},
        {"platform_gmv", "yuan/month", &TickMetrics::platform_gmv},
        {"cross_platform_share", "share", &TickMetrics::cross_platform_share},
        {"integrated_share", "share", &TickMetrics::integrated_share},
        {"dispatched_units", "units/month", &TickMetrics::dispatched_units},
        {"interconnected_share", "share", &TickMetrics::interconnected_share},
        {"mutual_share", "share", &TickMetrics::mutual_share},
        {"service_latency_ms", "ms", &TickMetrics::service_latency_ms},
        {"max_congestion", "ratio", &TickMetrics::max_congestion},
        {"quality", "share", &TickMetrics::quality},
        {"management_efficiency", "yuan/yuan", &TickMetrics::management_efficiency},
        {"unit_total_cost", "yuan/yuan", &TickMetrics::unit_total_cost},
        {"policy_spend", "yuan/month", &TickMetrics::policy_spend},
        {"policy_spend_cumulative", "yuan", &TickMetrics::policy_spend_cumulative},
        {"platform_path_stage", "0-3", &TickMetrics::platform_path_stage},
        {"ecosystem_stage", "0-3", &TickMetrics::ecosystem_stage},
        {"wage_bill", "yuan/month", &TickMetrics::wage_bill},
        {"household_income", "yuan/month", &TickMetrics::household_income},
        {"cpi", "index", &TickMetrics::cpi},
        {"real_household_income", "yuan/month", &TickMetrics::real_household_income},
        {"theil_output_per_worker", "index", &TickMetrics::theil_output_per_worker},
        {"sme_survival", "share", &TickMetrics::sme_survival},
        {"platform_fee_revenue", "yuan/month", &TickMetrics::platform_fee_revenue},
        {"fee_share_of_gmv", "share", &TickMetrics::fee_share_of_gmv},
        {"platform_gmv_hhi", "0-1", &TickMetrics::platform_gmv_hhi},
        {"lost_sales_share", "share", &TickMetrics::lost_sales_share},
        {"loan_write_offs", "yuan/month", &TickMetrics::loan_write_offs},
        {"voucher_windfall", "yuan/month", &TickMetrics::voucher_windfall},
    }};
    c.insert(c.end(), after.begin(), after.end());
    return c;
  }();
  return cols;
}

namespace {

/** Firms per chunk of the metrics pass: fixed, so the per-chunk sums combine the same way for any threads;
 * settlement sums the transaction-cost parts over the same chunks. */
constexpr std::size_t kChunk = kFirmSumChunk;

/** Sums over one chunk of firms (and the ties those firms send). */
struct Partial {
  // flows of firms that traded this tick (alive, or exited at its end)
  double output = 0, value_added = 0, profit = 0, cap = 0, bought = 0, tc = 0, purchases = 0, lead = 0,
         spot = 0, output_units = 0;
  // alive firms
  double firms = 0, employees = 0, sme = 0, a_sum = 0, a_sq = 0, gained = 0, slots = 0, filled = 0;
  double large = 0, cloud = 0, sme_cloud = 0, large_cloud = 0, members = 0, sme_members = 0, multi = 0,
         out_w = 0, quality = 0, overhead = 0, revenue = 0, total_cost = 0, member_collab = 0;
  // ties between alive firms, counted at their source
  double ties = 0, local = 0, cross_ind = 0, supply = 0, trust = 0, pties = 0, pcross = 0, brokered = 0;
  // transaction-cost parts of the firms that traded (summed through transaction_cost_columns)
  TransactionCostParts tc_parts;
};

/** Adds b to a, member by member: the doubles before tc_parts as an array, then tc_parts part by part. */
void add(Partial& a, const Partial& b) {
  constexpr std::size_t n = offsetof(Partial, tc_parts) / sizeof(double);
  static_assert(offsetof(Partial, tc_parts) == n * sizeof(double));
  auto* x = reinterpret_cast<double*>(&a);
  const auto* y = reinterpret_cast<const double*>(&b);
  for (std::size_t k = 0; k < n; ++k) x[k] += y[k];
  add_parts(a.tc_parts, b.tc_parts);
}

/** Index of firm i's first input-slot mark in MetricsScratch::slot_filled. */
std::size_t slot_base(std::size_t i, std::size_t stride) { return i * stride; }

/** Sets a mark another chunk may set too: a relaxed atomic store of 1, so concurrent chunks never race
 * and the marks after the pass are the same for any thread count. */
void mark(std::uint8_t& b) { std::atomic_ref<std::uint8_t>(b).store(1, std::memory_order_relaxed); }

/** How many firm slots ahead sum_ties starts loading out-tie records (prefetch_out_ties_in_index_order). */
constexpr std::size_t kTieAhead = 2;

/**
 * The tie pass over sources [lo, hi): every tie is read once, from its source's out-edges. It marks the
 * input slot a supply tie serves and the platform collaboration a tie gives its target (in MetricsScratch,
 * shared by all chunks), and sums the ties between alive firms at their source into p.
 */
void sum_ties(const MetricsInput& in, std::size_t lo, std::size_t hi, std::size_t stride, Partial& p,
              MetricsScratch& s) {
  const World& w = *in.world;
  const Firms& f = w.firms;
  for (FirmIndex i = static_cast<FirmIndex>(lo); i < hi; ++i) {
    // Out-tie records are stored in customer order, so a supplier's are scattered: at 1M firms most of this
    // loop's samples waited for them (perf, session 41). Those of the firms a few slots on start loading now.
    prefetch_out_ties_in_index_order(w.network, i, hi, kTieAhead);
    const bool alive = f.alive[i];
    bool collab = false;
    for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e) {
      const auto t = boost::target(*e, w.network);
      if (!f.alive[t]) continue;
      const Tie& tie = w.network[*e];
      // The target's side: a supply tie fills one of its input slots (whatever the source); a platform
      // collaboration from an alive partner counts for it.
      if (tie.is_supply()) {
        if (tie.input_slot < stride) mark(s.slot_filled[slot_base(t, stride) + tie.input_slot]);
      } else if (tie.channel == TieChannel::Platform && alive)
        mark(s.platform_collab_in[t]);
      if (!alive) continue;
      // Ties between alive firms, each counted once: at its source.
      p.ties += 1;
      if (tie.is_supply()) {
        p.supply += 1;
        p.trust += tie.trust;
      }
      if (f.region[i] == f.region[t]) p.local += 1;
      if (f.industry[i] != f.industry[t]) p.cross_ind += 1;
      if (tie.channel != TieChannel::Platform) continue;
      p.pties += 1;
      // Reach counts ties the platform brokered, not local ties it took over when both partners joined.
      if (tie.brokered) {
        p.brokered += 1;
        p.pcross += f.region[i] != f.region[t];
      }
      collab |= !tie.is_supply();
    }
    s.platform_collab_out[i] = collab;  // firm i is in this chunk: only this chunk writes it
  }
}

/** The sums of firms [lo, hi), after sum_ties has marked every tie. Writes only `type_has` bits of its own
 * chunk's copy and `per_platform` of it. */
void sum_firms(const MetricsInput& in, const std::vector<std::vector<std::size_t>>& n_slots, std::size_t lo,
               std::size_t hi, std::size_t stride, const MetricsScratch& s, Partial& p,
               std::vector<std::vector<std::uint8_t>>& type_has, std::vector<double>& per_platform) {
  const World& w = *in.world;
  const Firms& f = w.firms;
  for (FirmIndex i = static_cast<FirmIndex>(lo); i < hi; ++i) {
    // Flows count every firm that traded this tick, including those that exited at its end.
    const bool traded = f.alive[i] || f.exit_tick[i] == w.tick;
    if (!traded) continue;
    p.output += f.revenue[i].yuan;
    p.value_added += f.revenue[i].yuan - f.input_cost[i].yuan;
    p.profit += f.profit[i].yuan;
    p.cap += f.capacity(i);
    p.bought += f.inputs_bought[i];
    p.tc += f.transaction_cost[i].yuan;
    p.purchases += f.input_cost[i].yuan;
    p.lead += f.lead_time_days[i] * f.inputs_bought[i];
    p.spot += f.spot_units[i];
    p.output_units += f.output[i];
    if (!f.alive[i]) continue;
    const bool is_sme = f.employees[i] < in.sme_threshold;
    p.firms += 1;
    p.employees += f.employees[i];
    if (is_sme) p.sme += 1;
    p.a_sum += f.productivity[i];
    p.a_sq += f.productivity[i] * f.productivity[i];
    // A gain in the warm-up (negative ticks) counts like any other (docs/ODD.md 7.13).
    if (f.last_gain_tick[i] != Firms::kNeverGained && w.tick - f.last_gain_tick[i] < 12) p.gained += 1;
    const std::size_t ns = n_slots[idx(f.industry[i])][f.stage[i]];
    p.slots += static_cast<double>(ns);
    const std::size_t base = slot_base(i, stride);
    for (std::size_t k = 0; k < ns; ++k) p.filled += s.slot_filled[base + k];
    const bool collab = s.platform_collab_in[i] || s.platform_collab_out[i];
    // digital adoption and platforms
    if (!is_sme) p.large += 1;
    p.cloud += f.on_cloud[i];
    (is_sme ? p.sme_cloud : p.large_cloud) += f.on_cloud[i];
    const int k = std::popcount(f.platforms[i]);
    if (k > 0) {
      p.members += 1;
      p.sme_members += is_sme;
      type_has[idx(f.industry[i])][f.stage[i]] = 1;
      p.member_collab += collab;
    }
    p.multi += k >= 2;
    // Only the platforms the firm belongs to: adding 0.0 for the others would not change a sum.
    for (auto bits = f.platforms[i]; bits != 0; bits &= bits - 1)
      if (const auto q = static_cast<std::size_t>(std::countr_zero(bits)); q < per_platform.size())
        per_platform[q] += 1.0;
    const double value = f.revenue[i].yuan;
    p.out_w += value;
    // Product quality: output made without the firm's own defect or a defective input (7.34).
    p.quality += value * (1.0 - f.defect_rate[i]) * (1.0 - f.input_defect_share[i]);
    p.overhead += w.regions[idx(f.region[i])].land_cost.yuan * f.overhead_factor[i] * f.employees[i];
    p.revenue += value;
    p.total_cost += f.total_cost[i].yuan;
  }
}

void platform_metrics(const MetricsInput& in, const Partial& p, const std::vector<double>& per_platform,
                      const std::vector<std::vector<std::uint8_t>>& type_has, TickMetrics& m) {
  const World& w = *in.world;
  const std::size_t P = w.platforms.size();
  if (p.firms > 0) {
    m.cloud_adoption_share = p.cloud / p.firms;
    m.platform_member_share = p.members / p.firms;
  }
  m.sme_adoption_share = p.sme > 0 ? p.sme_cloud / p.sme : 0.0;
  m.large_adoption_share = p.large > 0 ? p.large_cloud / p.large : 0.0;
  m.digital_divide_gap = m.large_adoption_share - m.sme_adoption_share;
  m.sme_participation = p.sme > 0 ? p.sme_members / p.sme : 0.0;
  m.multihoming_share = p.members > 0 ? p.multi / p.members : 0.0;
  m.quality = p.out_w > 0 ? p.quality / p.out_w : 0.0;
  m.management_efficiency = p.overhead > 0 ? p.revenue / p.overhead : 0.0;
  m.unit_total_cost = p.revenue > 0 ? p.total_cost / p.revenue : 0.0;
  double types = 0, covered = 0;
  for (const auto& v : type_has)
    for (auto b : v) {
      types += 1;
      covered += b;
    }
  m.chain_coverage = types > 0 ? covered / types : 0.0;

  double memberships = 0, alive = 0, connected = 0, n_platforms = 0, mutual = 0, lat = 0, lat_w = 0;
  for (double x : per_platform) memberships += x;
  const std::uint32_t connected_bits = connected_platforms(w.platforms);
  for (std::size_t q = 0; q < P; ++q) {
    const Platform& pl = w.platforms[q];
    if (!pl.alive) continue;
    alive += 1;
    if (memberships > 0) m.platform_hhi += (per_platform[q] / memberships) * (per_platform[q] / memberships);
    m.max_congestion = std::max(m.max_congestion, pl.congestion);
    lat += pl.service_latency_s * pl.members;
    lat_w += pl.members;
    if (pl.level == PlatformLevel::Middle) continue;
    n_platforms += 1;
    if ((connected_bits >> q) & 1u) {
      connected += 1;
      if (pl.gmv > 0 && pl.integrated_gmv >= 0.05 * pl.gmv) mutual += 1;
    }
  }
  m.platforms_alive = alive;
  m.interconnected_share = n_platforms > 0 ? connected / n_platforms : 0.0;
  m.mutual_share = connected > 0 ? mutual / connected : 0.0;
  m.service_latency_ms = lat_w > 0 ? 1000.0 * lat / lat_w : 0.0;
  m.platform_gmv = in.stats.platform_gmv;
  m.cross_platform_share =
      in.stats.platform_gmv > 0 ? in.stats.cross_platform_gmv / in.stats.platform_gmv : 0.0;
  m.integrated_share = in.stats.platform_gmv > 0 ? in.stats.integrated_gmv / in.stats.platform_gmv : 0.0;
  m.dispatched_units = in.stats.dispatched_units;
  m.policy_spend = in.stats.policy_spend;
  m.real_output = in.stats.real_output;
  m.platform_tie_share = p.ties > 0 ? p.pties / p.ties : 0.0;
  m.platform_cross_region = p.brokered > 0 ? p.pcross / p.brokered : 0.0;
  m.member_collaboration = p.members > 0 ? p.member_collab / p.members : 0.0;
}

}  // namespace

TickMetrics compute_metrics(const MetricsInput& in, const NetworkStats& net) {
  MetricsScratch scratch;
  return compute_metrics(in, net, scratch);
}

TickMetrics compute_metrics(const MetricsInput& in, const NetworkStats& net, MetricsScratch& scratch) {
  const World& w = *in.world;
  const Firms& f = w.firms;
  TickMetrics m;
  m.tick = w.tick;
  m.entries = in.stats.entries;
  m.exits = in.stats.exits;
  m.relocations = in.stats.relocations;
  m.innovations = in.stats.innovations;
  m.imitations = in.stats.imitations;
  m.ties_formed = in.stats.ties_formed;
  m.ties_dissolved = in.stats.ties_dissolved;

  std::vector<std::vector<std::size_t>> n_slots(w.industries.size());
  std::size_t stride = 0;  // input-slot marks per firm: the most slots any firm type has
  for (std::size_t i = 0; i < w.industries.size(); ++i)
    for (std::size_t s = 0; s < w.industries[i].stages.size(); ++s) {
      n_slots[i].push_back(input_needs(w.industries, i, s).size());
      stride = std::max(stride, n_slots[i].back());
    }
  // Two passes over the firms in fixed chunks. The tie pass reads every tie once (at its source) and marks
  // what it gives its target; the firm pass then sums each firm's own values and marks. Each chunk's sums,
  // platform counts and covered firm types are its own, and are combined in chunk order, so the result is
  // the same for any thread count. The per-firm marks live in `scratch`, reused from tick to tick.
  refill(scratch.slot_filled, f.size() * stride, std::uint8_t{0});
  refill(scratch.platform_collab_in, f.size(), std::uint8_t{0});
  refill(scratch.platform_collab_out, f.size(), std::uint8_t{0});
  // Chunks of firm ids, not slots: a chunk holds the same alive firms whether or not exited firms' slots
  // were compacted away (they added nothing), so the sums are the same bits either way.
  const std::size_t chunks = chunk_count(f.created(), kChunk);
  std::vector<FirmIndex> chunk_lo(chunks + 1);
  for (std::size_t c = 0; c <= chunks; ++c) chunk_lo[c] = f.first_slot_from(c * kChunk);
  std::vector<Partial> partial(chunks);
  parallel_chunks(chunks, in.threads, [&](std::size_t c, std::size_t) {
    sum_ties(in, chunk_lo[c], chunk_lo[c + 1], stride, partial[c], scratch);
  });
  std::vector<std::vector<double>> per_platform(chunks, std::vector<double>(w.platforms.size(), 0.0));
  std::vector<std::vector<std::vector<std::uint8_t>>> type_has(chunks);
  parallel_chunks(chunks, in.threads, [&](std::size_t c, std::size_t) {
    type_has[c].resize(w.industries.size());
    for (std::size_t i = 0; i < w.industries.size(); ++i)
      type_has[c][i].assign(w.industries[i].stages.size(), 0);
    sum_firms(in, n_slots, chunk_lo[c], chunk_lo[c + 1], stride, scratch, partial[c], type_has[c],
              per_platform[c]);
    // The chunk's transaction-cost parts, summed by settlement over the same firms in the same order.
    if (c < in.transaction_cost_parts.size()) partial[c].tc_parts = in.transaction_cost_parts[c];
  });
  Partial p;
  std::vector<double> platforms(w.platforms.size(), 0.0);
  std::vector<std::vector<std::uint8_t>> covered(w.industries.size());
  for (std::size_t i = 0; i < w.industries.size(); ++i) covered[i].assign(w.industries[i].stages.size(), 0);
  for (std::size_t c = 0; c < chunks; ++c) {
    add(p, partial[c]);
    for (std::size_t q = 0; q < platforms.size(); ++q) platforms[q] += per_platform[c][q];
    for (std::size_t i = 0; i < covered.size(); ++i)
      for (std::size_t s = 0; s < covered[i].size(); ++s) covered[i][s] |= type_has[c][i][s];
  }
  m.output = p.output;
  m.value_added = p.value_added;
  m.profit = p.profit;
  m.firms = p.firms;
  m.employees = p.employees;
  if (m.firms > 0) {
    m.sme_share = p.sme / m.firms;
    m.productivity_mean = p.a_sum / m.firms;
    m.productivity_sd =
        std::sqrt(std::fmax(0.0, p.a_sq / m.firms - m.productivity_mean * m.productivity_mean));
    m.innovation_share = p.gained / m.firms;
  }
  m.capacity_utilisation = p.cap > 0 ? p.output_units / p.cap : 0.0;
  m.transaction_cost_per_unit = p.bought > 0 ? p.tc / p.bought : 0.0;
  m.transaction_cost_share = p.purchases > 0 ? p.tc / p.purchases : 0.0;
  if (p.bought > 0)
    for (const auto& t : transaction_cost_columns()) m.*t.member = p.tc_parts.*t.part / p.bought;
  m.lead_time_days = p.bought > 0 ? p.lead / p.bought : 0.0;
  m.spot_share = p.bought > 0 ? p.spot / p.bought : 0.0;
  m.chain_completeness = p.slots > 0 ? p.filled / p.slots : 0.0;

  m.ties = p.ties;
  m.supply_trust = p.supply > 0 ? p.trust / p.supply : 0.0;
  if (p.ties > 0) {
    m.local_tie_share = p.local / p.ties;
    m.cross_region_tie_share = 1.0 - m.local_tie_share;
    m.cross_industry_tie_share = p.cross_ind / p.ties;
  }
  m.density = net.density;
  m.mean_degree = net.mean_degree;
  m.clustering = net.average_clustering;
  m.clustering_se = net.clustering_se;
  m.giant_component_share = net.giant_component_share;
  m.components = net.components;
  platform_metrics(in, p, platforms, covered, m);
  compute_welfare_metrics(in, m);
  const auto conc = cluster_concentration(w);
  m.eg_index = conc.eg_index;
  m.top_region_share = conc.top_region_share;
  return m;
}

StageIndicators stage_indicators(const TickMetrics& m) {
  return {m.eg_index,   m.chain_completeness, m.local_tie_share,      m.supply_trust,
          m.clustering, m.innovation_share,   m.giant_component_share};
}

PlatformIndicators platform_indicators(const TickMetrics& m) {
  PlatformIndicators x;
  x.member_share = m.platform_member_share;
  x.chain_coverage = m.chain_coverage;
  x.platform_tie_share = m.platform_tie_share;
  x.member_collaboration = m.member_collaboration;
  x.platform_export_share = m.platform_export_share;
  x.interconnected_share = m.interconnected_share;
  x.cross_platform_share = m.cross_platform_share;
  x.integrated_share = m.integrated_share;
  x.mutual_share = m.mutual_share;
  return x;
}

}  // namespace vicsim::sim
