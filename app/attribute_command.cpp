// `vicsim attribute A.json B.json`: splits each KPI's paired difference B − A into the contributions of the
// mechanism registry's groups by Shapley values over coalitions of their switches (docs/ODD.md 7.41–7.42).
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agents/mechanism_registry.hpp"
#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "app/scenario_jobs.hpp"
#include "experiments/shapley.hpp"
#include "reports/attribution_report.hpp"
#include "reports/csv_field.hpp"
#include "reports/csv_table.hpp"
#include "reports/kpi_catalog.hpp"
#include "reports/number_format.hpp"
#include "reports/paired_comparison.hpp"
#include "scenarios/mechanism_switches.hpp"
#include "scenarios/scenario_loader.hpp"
#include "vicsim_version.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;
using reports::csv_field;

constexpr std::size_t kExactGroups = 8;

struct AttributeOptions {
  std::string a, b, out;
  int replications = 5;
  int jobs = 1;
  int permutations = 0;
  std::vector<int> at;
  std::optional<std::uint64_t> seed;
  std::optional<std::int32_t> ticks;
  std::vector<std::string> sets, groups, kpis;
  bool force = false, quiet = false, keep_runs = false;
};

std::string mask_name(std::uint32_t m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "c%05x", m);
  return buf;
}

std::string rep_name(int r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "rep_%03d", r);
  return buf;
}

/** The paths of the coalition's switches as --set assignments, for the run's provenance. */
std::vector<std::string> switch_overrides(const std::vector<scenarios::GroupSwitch>& groups,
                                          std::uint32_t m) {
  std::vector<std::string> out;
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (!((m >> g) & 1u))
      for (const auto& s : groups[g].assignments) out.push_back(s.path + "=" + s.a_state.dump());
  return out;
}

int attribute(const AttributeOptions& o) {
  scenarios::LoadResult la, lb;
  if (const int rc = load_paired_arms(o.a, o.b, o.sets, o.seed, o.ticks, la, lb)) return rc;
  const std::int32_t ticks = la.scenario->ticks;
  std::vector<int> at = o.at;
  if (at.empty()) at.push_back(ticks);
  for (int t : at)
    if (t < 1 || t > ticks) {
      std::cerr << "error: --at " << t << ": expected ticks between 1 and " << ticks << "\n";
      return 2;
    }
  if (repeats(at, "--at") || repeats(o.groups, "--groups") || repeats(o.kpis, "--kpis")) return 2;
  // KPIs are checked before any run: a numeric column of timeseries.csv other than the month itself.
  for (const auto& n : o.kpis) {
    const auto& cols = agents::timeseries_columns();
    if (n == "tick" ||
        std::none_of(cols.begin(), cols.end(), [&](const sim::Column& c) { return c.name == n; })) {
      std::cerr << "error: --kpis " << n
                << ": expected a numeric column of timeseries.csv other than tick (docs/outputs.md)\n";
      return 2;
    }
  }
  const nlohmann::json ja = scenarios::to_json(*la.scenario), jb = scenarios::to_json(*lb.scenario);
  std::vector<scenarios::GroupSwitch> groups;
  try {
    groups = scenarios::group_switches(ja, jb, o.groups);
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  if (groups.empty()) {
    std::cerr << "error: " << o.b << ": no mechanism of the registry is in a different state than in " << o.a
              << " (expected at least one differing switch; see `vicsim schema --format mechanisms`); "
                 "nothing to attribute\n";
    return 2;
  }
  if (groups.size() > 20) {
    std::cerr << "error: --groups: at most 20 groups, found " << groups.size() << "\n";
    return 2;
  }
  const std::size_t k = groups.size();
  const bool exact = k <= kExactGroups && o.permutations == 0;
  const int n_perm = o.permutations > 0 ? o.permutations : static_cast<int>(4 * k);

  // The coalitions to run: all 2^k, or the prefixes of sampled orderings plus ∅, singletons and the full set.
  const std::uint32_t full = (1u << k) - 1;
  std::vector<std::uint32_t> coalitions;
  std::vector<std::vector<std::size_t>> perms;
  if (exact) {
    for (std::uint32_t m = 0; m <= full; ++m) coalitions.push_back(m);
  } else {
    perms = experiments::sample_permutations(k, static_cast<std::size_t>(n_perm), la.scenario->seed);
    coalitions = experiments::permutation_coalitions(perms);
    for (std::size_t g = 0; g < k; ++g) coalitions.push_back(1u << g);
    std::sort(coalitions.begin(), coalitions.end());
    coalitions.erase(std::unique(coalitions.begin(), coalitions.end()), coalitions.end());
  }
  std::map<std::uint32_t, scenarios::Scenario> coalition_scenario;
  for (auto m : coalitions) {
    auto loaded = scenarios::load_scenario(scenarios::coalition_document(jb, groups, m), o.b);
    if (!loaded.scenario) {
      std::cerr << "error: " << o.b << ": coalition " << mask_name(m) << " (switches "
                << nlohmann::json(switch_overrides(groups, m)).dump() << ") is not a valid scenario:\n";
      return report_problems(loaded.problems);
    }
    coalition_scenario.emplace(m, std::move(*loaded.scenario));
  }

  reports::VegaAssets assets;
  try {
    assets = reports::load_vega_assets();  // before any run: the page needs the chart libraries
  } catch (const reports::VegaAssetsMissing& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  auto dir = open_output_directory(o.out, o.force, {o.a, o.b});
  if (!dir) return 2;
  const fs::path stage = dir->staging();

  // Common random numbers: replication r of every coalition and of A uses seed (A's seed + r).
  const std::uint64_t base = la.scenario->seed;
  std::vector<std::uint64_t> seeds;
  std::vector<scenarios::Scenario> arm_a;
  std::vector<std::vector<scenarios::Scenario>> arm_c(coalitions.size());
  for (int r = 0; r < o.replications; ++r) {
    seeds.push_back(base + static_cast<std::uint64_t>(r));
    arm_a.push_back(*la.scenario);
    arm_a.back().seed = seeds.back();
    arm_a.back().output.graphml = false;
    for (std::size_t c = 0; c < coalitions.size(); ++c) {
      arm_c[c].push_back(coalition_scenario.at(coalitions[c]));
      arm_c[c].back().seed = seeds.back();
      arm_c[c].back().output.graphml = false;
    }
  }
  std::vector<ScenarioJob> jobs;
  for (int r = 0; r < o.replications; ++r) {
    const auto ri = static_cast<std::size_t>(r);
    jobs.push_back({&arm_a[ri], o.a, stage / "runs" / "a" / rep_name(r)});
    for (std::size_t c = 0; c < coalitions.size(); ++c)
      jobs.push_back({&arm_c[c][ri], o.b, stage / "runs" / mask_name(coalitions[c]) / rep_name(r),
                      switch_overrides(groups, coalitions[c])});
  }
  run_scenario_jobs(jobs, o.jobs, o.sets, o.quiet, "attribute");

  // Per-replication time series of A and of every coalition.
  std::vector<reports::CsvTable> ta;
  std::map<std::uint32_t, std::vector<reports::CsvTable>> tc;
  for (int r = 0; r < o.replications; ++r) {
    ta.push_back(reports::CsvTable::read(stage / "runs" / "a" / rep_name(r) / "timeseries.csv"));
    for (auto m : coalitions)
      tc[m].push_back(
          reports::CsvTable::read(stage / "runs" / mask_name(m) / rep_name(r) / "timeseries.csv"));
  }
  std::vector<std::string> kpis = o.kpis;
  if (kpis.empty())
    for (const auto& n : reports::headline_kpis())
      if (ta[0].index(n) && tc[full][0].index(n)) kpis.push_back(n);
  for (const auto& n : kpis)
    if (!ta[0].index(n) || !tc[full][0].index(n)) {
      std::cerr << "error: --kpis " << n
                << ": expected a numeric column of timeseries.csv (docs/outputs.md)\n";
      return 2;
    }

  std::vector<reports::AttributionRow> rows;
  nlohmann::json mc = nlohmann::json::array();
  for (const auto& kpi : kpis)
    for (int t : at) {
      const auto row = static_cast<std::size_t>(t - 1);
      std::vector<std::vector<double>> phi(k);
      std::vector<double> total, unexplained, interaction, zeros;
      std::vector<double> mc_var(k, 0.0);
      for (int r = 0; r < o.replications; ++r) {
        const auto ri = static_cast<std::size_t>(r);
        const auto v = [&](std::uint32_t m) {
          const auto& table = tc.at(m)[ri];
          return table.number(row, *table.index(kpi));
        };
        const double a_value = ta[ri].number(row, *ta[ri].index(kpi));
        std::vector<double> p;
        if (exact) {
          p = experiments::exact_shapley(k, v);
        } else {
          auto s = experiments::permutation_shapley(k, perms, v);
          p = s.value;
          for (std::size_t g = 0; g < k; ++g) mc_var[g] += s.mc_se[g] * s.mc_se[g];
        }
        double sum = 0.0, main = 0.0;
        const auto me = experiments::main_effects(k, v);
        for (std::size_t g = 0; g < k; ++g) {
          phi[g].push_back(p[g]);
          sum += p[g];
          main += me[g];
        }
        total.push_back(v(full) - a_value);
        unexplained.push_back(total.back() - sum);
        interaction.push_back(sum - main);
        zeros.push_back(0.0);
      }
      auto add = [&](const std::string& name, const std::vector<double>& x) {
        const auto s = reports::paired_statistics(zeros, x);
        rows.push_back({kpi, t, name, s.diff, s.ci_low, s.ci_high});
      };
      for (std::size_t g = 0; g < k; ++g) {
        add(groups[g].name, phi[g]);
        if (!exact)
          mc.push_back({{"kpi", kpi},
                        {"tick", t},
                        {"mechanism", groups[g].name},
                        {"mc_se", std::sqrt(mc_var[g]) / o.replications}});
      }
      add("unexplained", unexplained);
      add("interaction", interaction);
      add("total", total);
    }

  write_file(stage / "attribution.csv",
             [&](std::ostream& out) { reports::write_attribution_csv(out, rows); });
  std::ostringstream cmd;
  cmd << "vicsim attribute " << o.a << ' ' << o.b << " --replications " << o.replications << " --out "
      << o.out;
  for (const auto& s : o.sets) cmd << " --set " << s;
  if (o.seed) cmd << " --seed " << *o.seed;
  if (o.ticks) cmd << " --ticks " << *o.ticks;
  if (!o.at.empty()) {
    cmd << " --at ";
    for (std::size_t i = 0; i < o.at.size(); ++i) cmd << (i ? "," : "") << o.at[i];
  }
  for (const auto& g : o.groups) cmd << " --groups " << g;
  for (const auto& n : o.kpis) cmd << " --kpis " << n;
  if (o.permutations) cmd << " --permutations " << o.permutations;
  nlohmann::json j;
  j["arms"] = {{"a", {{"name", la.scenario->name}, {"scenario", o.a}}},
               {"b", {{"name", lb.scenario->name}, {"scenario", o.b}}}};
  j["replications"] = o.replications;
  j["seeds"] = seeds;
  j["ticks"] = at;
  j["command"] = cmd.str();
  j["vicsim_version"] = kVersion;
  j["git_hash"] = kGitHash;
  j["groups"] = nlohmann::json::array();
  for (const auto& g : groups) {
    nlohmann::json sw = nlohmann::json::array();
    for (const auto& s : g.assignments) sw.push_back({{"path", s.path}, {"a", s.a_state}, {"b", s.b_state}});
    j["groups"].push_back({{"name", g.name}, {"members", g.members}, {"switches", sw}});
  }
  j["coalitions"] = coalitions.size();
  j["runs"] = jobs.size();
  j["shapley"] = exact ? "exact" : "sampled";
  if (!exact) {
    j["permutations"] = n_perm;
    j["mc_se"] = mc;
  }
  j["method"] =
      "coalition S = scenario B with every group outside S put into A's state (A's value at each switch "
      "path, or the switch's off value where A lacks the mechanism); v(S) = KPI at the tick; contribution = "
      "Shapley value of the group per replication (exact over all 2^k coalitions for k <= 8, else the "
      "permutation estimate whose Monte-Carlo standard error is in mc_se), mean over replications with a 95% "
      "t "
      "interval; common random numbers: replication r of A and of every coalition uses seed A.seed + r; "
      "total = v(all) - A; unexplained = total - sum of contributions = v(none) - A (what the switches do "
      "not "
      "carry); interaction = sum of contributions - sum of main effects v({g}) - v(none)";
  write_file(stage / "attribution.json", [&](std::ostream& out) { out << j.dump(2) << "\n"; });
  write_file(stage / "attribution.html", [&](std::ostream& out) {
    reports::write_attribution_html(out, rows, la.scenario->name, lb.scenario->name, cmd.str(), assets);
  });
  if (!o.keep_runs) fs::remove_all(stage / "runs");
  dir->commit();
  if (!o.quiet)
    std::cerr << "wrote " << o.out << " (" << k << " groups, " << coalitions.size() << " coalitions, "
              << jobs.size() << " runs, " << (exact ? "exact" : "sampled") << " Shapley values)\n";
  return 0;
}

}  // namespace

Command add_attribute_command(CLI::App& app) {
  auto o = std::make_shared<AttributeOptions>();
  auto* cmd = app.add_subcommand(
      "attribute",
      "Split each KPI's difference B - A into the contributions of mechanism groups (Shapley values over the "
      "mechanism registry's switches, common random numbers)");
  cmd->add_option("a", o->a, "Scenario A (the reference arm, e.g. scenarios/traditional.json)")->required();
  cmd->add_option("b", o->b, "Scenario B (e.g. scenarios/platform_led.json)")->required();
  cmd->add_option("--replications,-n", o->replications, "Replications (seeds) per coalition")
      ->capture_default_str()
      ->check(CLI::Range(2, 100000));
  cmd->add_option("--out,-o", o->out, "Output directory (written atomically)")->required();
  cmd->add_option("--jobs,-j", o->jobs, "Runs in parallel (results do not depend on it)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  cmd->add_option("--at", o->at, "Ticks to attribute (default: the last)")->delimiter(',');
  cmd->add_option("--seed", o->seed, "Seed of replication 0 (default: A's seed); replication r uses seed + r")
      ->check(seed_validator());
  cmd->add_option("--ticks", o->ticks, "Months to simulate in every run");
  cmd->add_option("--set", o->sets, "Override a key in both arms: path=value (repeatable)");
  cmd->add_option("--groups", o->groups,
                  "Groups to attribute: a registry group or entry name, or LABEL=NAME+NAME (default: every "
                  "group whose switches differ between A and B; others keep B's state)")
      ->delimiter(',');
  cmd->add_option("--kpis", o->kpis, "timeseries.csv columns to attribute (default: the headline KPIs)")
      ->delimiter(',');
  cmd->add_option(
         "--permutations", o->permutations,
         "Sample this many orderings instead of exact Shapley values (default beyond 8 groups: 4 per "
         "group)")
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("--keep-runs", o->keep_runs, "Keep every run directory in DIR/runs/");
  cmd->add_flag("--force", o->force, "Replace an existing non-empty output directory");
  cmd->add_flag("--quiet,-q", o->quiet, "No progress bar or final message");
  return {cmd, [o] { return attribute(*o); }};
}

}  // namespace vicsim::app
