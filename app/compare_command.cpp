// `vicsim compare A.json B.json`: paired runs with common random numbers (replication r of both arms
// uses the same seed, so the initial firms and every random stream agree), then per-KPI differences.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "app/scenario_jobs.hpp"
#include "app/scenario_run.hpp"
#include "reports/csv_field.hpp"
#include "reports/csv_table.hpp"
#include "reports/number_format.hpp"
#include "reports/paired_comparison.hpp"
#include "scenarios/scenario_loader.hpp"
#include "vicsim_version.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;
using reports::csv_field;

struct CompareOptions {
  std::string a, b, out;
  int replications = 10;
  int jobs = 1;
  std::vector<int> at;
  std::optional<std::uint64_t> seed;
  std::optional<std::int32_t> ticks;
  std::vector<std::string> sets;
  bool force = false, quiet = false;
};

nlohmann::json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}

int compare(const CompareOptions& o) {
  scenarios::LoadResult la, lb;
  if (const int rc = load_paired_arms(o.a, o.b, o.sets, o.seed, o.ticks, la, lb)) return rc;
  const std::int32_t ticks = la.scenario->ticks;
  std::vector<int> at = o.at;
  if (at.empty()) {
    for (int t = 12; t <= ticks; t += 12) at.push_back(t);
    if (at.empty() || at.back() != ticks) at.push_back(ticks);
  }
  if (repeats(at, "--at")) return 2;
  for (int t : at)
    if (t < 1 || t > ticks) {
      std::cerr << "error: --at " << t << ": expected ticks between 1 and " << ticks << "\n";
      return 2;
    }
  auto dir = open_output_directory(o.out, o.force, {o.a, o.b});
  if (!dir) return 2;
  const fs::path stage = dir->staging();

  // Common random numbers: replication r of both arms uses seed (A's seed + r).
  const std::uint64_t base = la.scenario->seed;
  std::vector<scenarios::Scenario> arms_a, arms_b;
  std::vector<std::uint64_t> seeds;
  for (int r = 0; r < o.replications; ++r) {
    seeds.push_back(base + static_cast<std::uint64_t>(r));
    arms_a.push_back(*la.scenario);
    arms_b.push_back(*lb.scenario);
    arms_a.back().seed = arms_b.back().seed = seeds.back();
    arms_a.back().output.graphml = arms_b.back().output.graphml = false;
  }
  auto rep_dir = [&](const char* arm, int r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "rep_%03d", r);
    return stage / "runs" / arm / buf;
  };
  std::vector<ScenarioJob> jobs;
  for (int r = 0; r < o.replications; ++r) {
    jobs.push_back({&arms_a[static_cast<std::size_t>(r)], o.a, rep_dir("a", r)});
    jobs.push_back({&arms_b[static_cast<std::size_t>(r)], o.b, rep_dir("b", r)});
  }
  run_scenario_jobs(jobs, o.jobs, o.sets, o.quiet, "compare");

  // Gather per-replication series and combine them into one tidy file.
  std::vector<reports::CsvTable> ta, tb;
  for (int r = 0; r < o.replications; ++r) {
    ta.push_back(reports::CsvTable::read(rep_dir("a", r) / "timeseries.csv"));
    tb.push_back(reports::CsvTable::read(rep_dir("b", r) / "timeseries.csv"));
  }
  write_file(stage / "timeseries.csv", [&](std::ostream& out) {
    out << "arm,replication";
    for (const auto& n : ta[0].header()) out << ',' << csv_field(n);
    out << '\n';
    auto dump = [&](const char* arm, const std::vector<reports::CsvTable>& tables) {
      for (std::size_t r = 0; r < tables.size(); ++r)
        for (std::size_t row = 0; row < tables[r].rows(); ++row) {
          out << arm << ',' << r;
          for (std::size_t c = 0; c < tables[r].header().size(); ++c)
            out << ',' << csv_field(tables[r].text(row, c));
          out << '\n';
        }
    };
    dump("a", ta);
    dump("b", tb);
  });

  const std::set<std::string> skip = {"scenario", "seed", "tick"};
  std::vector<reports::PairedRow> rows;
  for (std::size_t k = 0; k < ta[0].header().size(); ++k) {
    const std::string& name = ta[0].header()[k];
    if (skip.count(name) || ta[0].rows() == 0 || std::isnan(ta[0].number(0, k))) continue;
    const auto kb = tb[0].index(name);
    if (!kb) continue;
    for (int t : at) {
      std::vector<double> va, vb;
      const auto tick_row = static_cast<std::size_t>(t - 1);
      for (int r = 0; r < o.replications; ++r) {
        va.push_back(ta[static_cast<std::size_t>(r)].number(tick_row, k));
        vb.push_back(tb[static_cast<std::size_t>(r)].number(tick_row, *kb));
      }
      auto row = reports::paired_statistics(va, vb);
      row.kpi = name;
      row.tick = t;
      rows.push_back(row);
    }
  }
  // Cost-effectiveness: extra policy spending of B over A per unit of KPI gained (paired means), only where
  // the KPI's difference is clear (its 95% CI excludes zero): dividing by a difference that may be zero
  // gives numbers of any size and sign.
  std::map<int, double> extra_spend;
  for (const auto& r : rows)
    if (r.kpi == "policy_spend_cumulative") extra_spend[static_cast<int>(r.tick)] = r.diff;
  auto cost_per_unit = [&](const reports::PairedRow& r) {
    const auto it = extra_spend.find(static_cast<int>(r.tick));
    const bool clear = r.ci_low > 0 || r.ci_high < 0;
    if (it == extra_spend.end() || it->second == 0.0 || !clear || r.kpi.rfind("policy_spend", 0) == 0)
      return std::nan("");
    return it->second / r.diff;
  };
  const std::string name_a = la.scenario->name, name_b = lb.scenario->name;
  write_file(stage / "comparison.csv", [&](std::ostream& out) {
    out << "kpi,tick,arm_a,arm_b,n,mean_a,mean_b,diff,ci_low,ci_high,sd_diff,effect_size,p_value,cost_per_"
           "unit\n";
    for (const auto& r : rows)
      out << r.kpi << ',' << r.tick << ',' << csv_field(name_a) << ',' << csv_field(name_b) << ',' << r.n
          << ',' << reports::format_number(r.mean_a) << ',' << reports::format_number(r.mean_b) << ','
          << reports::format_number(r.diff) << ',' << reports::format_number(r.ci_low) << ','
          << reports::format_number(r.ci_high) << ',' << reports::format_number(r.sd_diff) << ','
          << reports::format_number(r.effect_size) << ',' << reports::format_number(r.p_value) << ','
          << reports::format_number(cost_per_unit(r)) << '\n';
  });
  std::ostringstream cmd;
  cmd << "vicsim compare " << o.a << ' ' << o.b << " --replications " << o.replications << " --out " << o.out;
  for (const auto& s : o.sets) cmd << " --set " << s;
  if (o.seed) cmd << " --seed " << *o.seed;
  if (o.ticks) cmd << " --ticks " << *o.ticks;
  nlohmann::json j;
  j["arms"] = {{"a", {{"name", name_a}, {"scenario", o.a}}}, {"b", {{"name", name_b}, {"scenario", o.b}}}};
  j["replications"] = o.replications;
  j["seeds"] = seeds;
  j["ticks"] = at;
  j["command"] = cmd.str();
  j["vicsim_version"] = kVersion;
  j["git_hash"] = kGitHash;
  j["method"] =
      "paired t over replications with common random numbers; diff = b - a; effect_size = Cohen's d_z; "
      "cost_per_unit = diff of policy_spend_cumulative / diff of the KPI (yuan per unit of the KPI), only "
      "where "
      "the KPI's 95% CI excludes zero; NA where a statistic is undefined (e.g. p-value of a zero-variance "
      "difference)";
  j["rows"] = nlohmann::json::array();
  for (const auto& r : rows)
    j["rows"].push_back({{"kpi", r.kpi},
                         {"tick", static_cast<std::int64_t>(r.tick)},  // a month: a JSON integer
                         {"n", r.n},
                         {"mean_a", number_or_null(r.mean_a)},
                         {"mean_b", number_or_null(r.mean_b)},
                         {"diff", number_or_null(r.diff)},
                         {"ci_low", number_or_null(r.ci_low)},
                         {"ci_high", number_or_null(r.ci_high)},
                         {"sd_diff", number_or_null(r.sd_diff)},
                         {"effect_size", number_or_null(r.effect_size)},
                         {"p_value", number_or_null(r.p_value)},
                         {"cost_per_unit", number_or_null(cost_per_unit(r))}});
  write_file(stage / "comparison.json", [&](std::ostream& out) { out << j.dump(2) << "\n"; });
  dir->commit();
  if (!o.quiet) std::cerr << "wrote " << o.out << " (" << rows.size() << " KPI × tick rows)\n";
  return 0;
}

}  // namespace

Command add_compare_command(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand("compare", "Paired runs of two scenarios with common random numbers");
  cmd->add_option("a", o->a, "Scenario A (the reference arm, e.g. scenarios/traditional.json)")->required();
  cmd->add_option("b", o->b, "Scenario B (e.g. scenarios/platform_led.json)")->required();
  cmd->add_option("--replications,-n", o->replications, "Paired replications")->check(CLI::Range(2, 100000));
  cmd->add_option("--out,-o", o->out, "Output directory (written atomically)")->required();
  cmd->add_option("--jobs,-j", o->jobs, "Runs in parallel (results do not depend on it)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--at", o->at, "Ticks to compare (default: every 12th and the last)")->delimiter(',');
  cmd->add_option("--seed", o->seed, "Seed of replication 0 (default: A's seed); replication r uses seed + r")
      ->check(seed_validator());
  cmd->add_option("--ticks", o->ticks, "Months to simulate in both arms");
  cmd->add_option("--set", o->sets, "Override a key in both arms: path=value (repeatable)");
  cmd->add_flag("--force", o->force, "Replace an existing non-empty output directory");
  cmd->add_flag("--quiet,-q", o->quiet, "No progress bar or final message");
  return {cmd, [o] { return compare(*o); }};
}

}  // namespace vicsim::app
