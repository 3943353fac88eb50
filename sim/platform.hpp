#pragma once
/** @file A digital platform: an industrial-internet platform at enterprise ("point"), industry ("line")
 * or regional ("surface") level, or the shared "1" middle platform of a 1+N system. */
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/units.hpp"

namespace vicsim::sim {

/** @brief At most this many platforms per world: memberships are a 32-bit set per firm. */
inline constexpr std::size_t kMaxPlatforms = 32;

/** @brief Index of a platform in World::platforms. */
using PlatformIndex = std::uint8_t;

/** @brief Platform level (source text 2: the surface empowers the lines, the lines serve the points). */
enum class PlatformLevel : std::uint8_t { Enterprise = 0, Industry = 1, Regional = 2, Middle = 3 };

/** @brief The level as the scenario format spells it: enterprise, industry, regional or middle. */
constexpr std::string_view platform_level_name(PlatformLevel l) {
  switch (l) {
    case PlatformLevel::Enterprise:
      return "enterprise";
    case PlatformLevel::Industry:
      return "industry";
    case PlatformLevel::Regional:
      return "regional";
    case PlatformLevel::Middle:
      return "middle";
  }
  return "?";
}

/** @brief Switchable platform services. */
struct PlatformServices {
  bool matchmaking = true;   ///< members search the whole reachable member pool across regions and industries
  bool dispatch = false;     ///< excess orders go to idle member capacity (the carbon-guitar case)
  bool forecasting = false;  ///< C2M demand forecasting: smaller forecast errors for final-stage members
  bool knowledge = false;    ///< knowledge and app sharing: imitation without distance decay, lean apps
  bool finance = false;      ///< data-driven credit lines
  bool logistics = false;    ///< shared logistics: pools users' shipments on a lane for a fee (7.60)
  bool cross_border =
      false;  ///< cross-border matchmaking: lists members for foreign buyers, for a fee (7.78)
};

/** @brief One platform: static rules plus its evolving state. */
struct Platform {
  std::string name;
  PlatformLevel level = PlatformLevel::Industry;
  /// Chain-master owner's firm id (Firms::id, not a slot: slots move at compaction), or -1 for an
  /// independent provider.
  std::int64_t owner_firm = -1;
  std::int32_t owner_industry = -1;  ///< chain-master owner: resolved to that industry's largest chain-master
  RegionId host_region{0};           ///< region of its data centre
  std::int32_t industry = -1;        ///< industry served (industry level), -1 for any
  std::int32_t home_region = -1;     ///< region served (regional level), -1 for any
  bool open_regions = true;          ///< firms of any region may join (else only home/host region)
  bool open_industries = true;       ///< firms of any industry may join (else only `industry`)
  /** Founded line (docs/ODD.md 7.93): the other industries it also admits when !open_industries, one bit per
   * industry index (its founder's scope, chosen through the relatedness matrix); 0: `industry` only. */
  std::uint32_t related_industries = 0;
  /// point: only the chain-master owner and firms tied to it may join (founded points; declared ones that say
  /// so)
  bool partners_only = false;
  double min_digital_maturity = 0.0;  ///< entry rule: digital maturity a firm needs to join
  std::int32_t launch_tick = 0;
  PlatformServices services;
  // economics
  Money entry_fee{0.0};          ///< one-off fee a firm pays to join (yuan)
  double transaction_fee = 0.0;  ///< share of the value of platform-mediated trade
  double compute_gflops = 0.0;   ///< data-centre compute capacity (Gflop/s)
  double uplink_gbps = 0.0;      ///< data-centre uplink capacity (Gbit/s)
  double edge_share =
      0.0;  ///< member-weighted mean of edge_region: share of telemetry filtered at the edge (0–1)
  /// Share of members' device telemetry filtered by the platform's edge gateways in each region (0–1;
  /// [region], empty or short = 0): a platform installs gateways where its members' traffic congests
  /// (ODD 7.92).
  std::vector<double> edge_region;
  // state
  bool alive = false;           ///< launched and not failed
  bool interconnected = false;  ///< connected to the 1+N middle platform
  std::int32_t failed_tick = -1;
  // founding and the point–line–surface hierarchy (docs/ODD.md 7.50–7.53)
  bool founding_slot = false;      ///< a slot kept for endogenous founding, not declared by the scenario
  std::int32_t founded_tick = -1;  ///< tick it was founded endogenously, -1 if declared or never founded
  std::int32_t parent = -1;  ///< platform index of the level above (point→line, line→surface), -1: none
  Money equity_in{0.0};      ///< capital its owners put in (yuan)
  Money losses{0.0};         ///< at exit: owners' capital not recovered plus the loan written off (yuan)
  double data_value = 0.0;   ///< surface: smoothed GMV of the lines below it (yuan/month), its data stock
  double app_stock = 0.0;    ///< apps hosted (7.66): declared at launch; a line adds vertical apps from usage
  std::uint32_t app_subscribers = 0;  ///< member firms subscribed to its apps this tick (7.66)
  double integrated_gmv = 0.0;        ///< trade this tick integrated across connected platforms (yuan, 7.53)
  Money cash{0.0};
  Money loan{0.0};  ///< outstanding loan from the lender (yuan): overdrafts turned into credit (7.28)
  std::int32_t loss_streak = 0;
  std::uint32_t members = 0;
  double gmv = 0.0;                 ///< platform-mediated trade this tick (yuan)
  double dispatched_units = 0.0;    ///< units dispatched to idle members this tick
  double cross_platform_gmv = 0.0;  ///< trade with members reached only through interconnection (yuan)
  Money revenue{0.0};               ///< fees this tick
  Money cost{0.0};                  ///< operating cost this tick
  Money logistics_cost{0.0};  ///< shared logistics: handling cost of the pooled shipments this tick (7.60)
  double pooled_value = 0.0;  ///< shared logistics: value shipped through its pooled lanes this tick (yuan)
  // infrastructure feedback (from the SimGrid layer)
  double service_latency_s = 0.0;  ///< time to serve one window of members' traffic and compute (s)
  double congestion = 1.0;         ///< service time / window, at least 1; >1 means overloaded
  /** @brief The share of its services that work this month: 1 uncongested, 1 / congestion when overloaded
   * (docs/ODD.md 7.18); every service effect is scaled by it. */
  double availability() const { return 1.0 / std::max(1.0, congestion); }
  double telemetry_delivered = 1.0;  ///< share of members' device telemetry delivered last tick, in [0,1]
  double compute_load = 0.0;         ///< compute demand / capacity in the window
  double uplink_load = 0.0;          ///< bytes to move / (uplink bandwidth · window)
  double network_load = 0.0;         ///< member-weighted mean transfer time / window
  double traffic_Bps[5] = {0, 0, 0, 0, 0};  ///< busy-hour traffic by kind (B/s): orders, forecast,
                                            ///< dispatch, telemetry, design (7.45)
  double congestion_worst = 1.0;            ///< highest route load among routes with members, at least 1
  double congestion_traffic = 1.0;          ///< traffic-weighted mean route load, at least 1
  double telemetry_lost_Bps = 0.0;          ///< busy-hour telemetry dropped by overloaded routes (B/s)
  // fee learning (Heinrich & Gräbner 2019: reinforcement over fee moves)
  double fee_propensity[3] = {1.0, 1.0, 1.0};  ///< lower, keep, raise
  std::int32_t last_fee_action = 1;
  double last_quarter_profit = 0.0;
  double fee_aspiration = 0.0;  ///< smoothed quarterly profit the last fee move is judged against (yuan)
  bool has_aspiration = false;  ///< false until the first quarter has been judged
};

/** @brief True if firms may join pl as members. The 1+N middle platform is a shared capability platform that
 * "serves N regional, industry and enterprise platforms" (source text 2, "1+N"模式): firms reach it through
 * those platforms (docs/ODD.md 7.22, 7.52), never as its members. */
inline bool takes_firm_members(const Platform& pl) { return pl.level != PlatformLevel::Middle; }

/** @brief The region pl is tied to: its declared `region` (home_region), else, when it admits one region
 * only (!open_regions), its host region; -1 for none. A closed platform admits only this region's firms
 * (adoption `eligible`); a founder counts a same-level platform tied to its case's region as a rival there
 * (`founding_case`, docs/ODD.md 7.50). */
inline std::int32_t bound_region(const Platform& pl) {
  if (pl.home_region >= 0) return pl.home_region;
  return pl.open_regions ? -1 : static_cast<std::int32_t>(idx(pl.host_region));
}

/** @brief True if firms of region `region` (index) may join pl: an open platform, or the region it is bound
 * to. */
inline bool admits_region(const Platform& pl, std::int32_t region) {
  return pl.open_regions || region == bound_region(pl);
}

/** @brief True if industry `industry` (index) is in the scope of a line of industry `own` (< 0: none) with
 * the related industries `related` (a bit per industry index, docs/ODD.md 7.93). */
inline bool in_industry_scope(std::int32_t own, std::uint32_t related, std::int32_t industry) {
  if (own < 0 || industry == own) return true;
  return industry >= 0 && industry < 32 && ((related >> industry) & 1u) != 0;
}
/** @brief True if firms of industry `industry` (index) may join pl: an open platform, an industry-less one,
 * its own industry, or one of a founded line's related industries (docs/ODD.md 7.93). */
inline bool admits_industry(const Platform& pl, std::int32_t industry) {
  return pl.open_industries || in_industry_scope(pl.industry, pl.related_industries, industry);
}

}  // namespace vicsim::sim
