#include "app/calibration_runner.hpp"

#include <chrono>
#include <cmath>
#include <csignal>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <nlopt.hpp>
#include <sstream>
#include <thread>

#include "app/child_process.hpp"
#include "app/child_run_files.hpp"
#include "app/cli_support.hpp"
#include "app/progress_bar.hpp"
#include "experiments/calibration_hessian.hpp"
#include "experiments/calibration_loader.hpp"
#include "experiments/calibration_objective.hpp"
#include "experiments/calibration_trace.hpp"
#include "experiments/case_figures.hpp"
#include "experiments/fingerprint.hpp"
#include "experiments/kpi.hpp"
#include "reports/atomic_file.hpp"
#include "reports/csv_field.hpp"
#include "reports/csv_table.hpp"
#include "reports/directory_lock.hpp"
#include "reports/number_format.hpp"
#include "reports/output_directory.hpp"
#include "reports/run_writers.hpp"
#include "vicsim_version.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;
namespace ex = vicsim::experiments;
using reports::format_number;

void write_text(const fs::path& p, const std::string& text) {
  reports::write_file_atomically(p, [&](std::ostream& out) { out << text; });
}

std::string nlopt_version() {
  int major = 0, minor = 0, bugfix = 0;
  nlopt::version(major, minor, bugfix);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(bugfix);
}

std::string padded(std::int64_t x, std::size_t width) {
  std::string n = std::to_string(x);
  return std::string(n.size() < width ? width - n.size() : 0, '0') + n;
}

/** Runs evaluations (replications in child processes, `jobs` at a time) or replays them from the stored
 * trace, and keeps trace.csv current (rewritten atomically after every evaluation). */
class Evaluator {
 public:
  Evaluator(const ex::Calibration& c, fs::path dir, unsigned jobs, std::vector<ex::TraceRow> stored,
            std::size_t planned, bool quiet)
      : c_(c),
        dir_(std::move(dir)),
        jobs_(jobs),
        stored_(std::move(stored)),
        planned_(planned),
        quiet_(quiet),
        trace_(ex::trace_header(c)),
        bar_(std::string("calibrate ") + (c.name.empty() ? "" : c.name + " ") +
             (stored_.empty() ? "" : "(resumed) ")) {
    if (!quiet_) bar_.update(0, static_cast<long>(planned_));
  }

  std::size_t replayed = 0, computed = 0;
  double compute_seconds = 0;

  /** The objective at a unit-cube point, for one stage and seed block. */
  double evaluate(const std::string& stage, std::int32_t block, const std::string& profiled,
                  const std::vector<double>& unit) {
    check_interrupted();
    ex::TraceRow row;
    row.eval = static_cast<std::int64_t>(rows_.size());
    row.stage = stage;
    row.block = block;
    row.profiled = profiled;
    const auto values = ex::parameter_values(c_.parameters, unit);
    for (double v : values) row.values.push_back(format_number(v));
    const std::size_t i = rows_.size();
    if (i < stored_.size() && ex::same_candidate(stored_[i], row)) {
      row = stored_[i];
      ++replayed;
    } else {
      if (i < stored_.size()) {
        std::cerr << "calibrate: trace.csv row " << i << " is not the evaluation asked for now; the "
                  << stored_.size() - i << " stored evaluation(s) from there on are done again\n";
        stored_.resize(i);
      }
      const auto t0 = std::chrono::steady_clock::now();
      compute(row, values);
      compute_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      ++computed;
    }
    rows_.push_back(row);
    trace_ += ex::trace_line(row);
    if (computed > 0) write_text(dir_ / "trace.csv", trace_);
    if (!quiet_)
      bar_.update(static_cast<long>(rows_.size()), static_cast<long>(std::max(planned_, rows_.size())));
    return reports::parse_number(row.objective);
  }

  /** The objective of an earlier evaluation of this calibration at the same candidate on `block` (the fit,
   * a profile point), or the evaluation of a new one: the Hessian's stencil shares points with them. */
  double evaluate_or_reuse(const std::string& stage, std::int32_t block, const std::string& label,
                           const std::vector<double>& unit) {
    std::vector<std::string> texts;
    for (double v : ex::parameter_values(c_.parameters, unit)) texts.push_back(format_number(v));
    for (const auto& r : rows_)
      if (r.block == block && r.status == "ok" && r.values == texts)
        return reports::parse_number(r.objective);
    return evaluate(stage, block, label, unit);
  }

  const std::vector<ex::TraceRow>& rows() const { return rows_; }
  /** Writes trace.csv from the evaluations made so far (also when all were replayed). */
  void flush() { write_text(dir_ / "trace.csv", trace_); }

 private:
  std::vector<std::string> sets(const std::vector<double>& values) const {
    std::vector<std::string> s = c_.set;
    for (std::size_t p = 0; p < values.size(); ++p)
      s.push_back(c_.parameters[p].path + "=" + format_number(values[p]));
    return s;
  }

  fs::path work(std::int32_t r) const { return dir_ / "work" / ("rep_" + padded(r, 4)); }
  fs::path log(std::int32_t r) const { return dir_ / "work" / ("rep_" + padded(r, 4) + ".log"); }

  pid_t start(std::int32_t rep, std::int32_t block, const std::vector<std::string>& overrides) {
    std::vector<std::string> args = {"run",
                                     c_.scenario_file,
                                     "--out",
                                     work(rep).string(),
                                     "--seed",
                                     std::to_string(ex::calibration_seed(c_.seed, block, rep)),
                                     "--threads",
                                     "1",
                                     "--quiet",
                                     "--force",
                                     "--pilot-replications",
                                     "1",
                                     "--set",
                                     "output.graphml=false"};
    for (const auto& s : overrides) args.insert(args.end(), {"--set", s});
    return spawn_child("/proc/self/exe", args, log(rep));
  }

  /** KPIs of a finished replication; sets `error` (without paths: it lands in trace.csv) on failure. */
  std::vector<double> finish(std::int32_t rep, const ChildExit& exit, std::string& error) {
    std::vector<double> k(c_.targets.size(), std::nan(""));
    if (!exit.ok()) {
      const auto line = log_summary(log(rep));
      // Killed from outside (Ctrl-C, the OOM killer, a limit): nothing is recorded, a resume runs it again.
      for (int sig : {SIGKILL, SIGTERM, SIGINT, SIGHUP, SIGXCPU, SIGXFSZ, SIGPIPE})
        if (exit.signal == sig) {
          if (g_interrupted) throw Interrupted{};
          throw UserError("a calibration run was " + exit.describe() +
                          "; run the same command again to resume the calibration");
        }
      if (exit.signal == 0 && exit.code == 2)  // bad input: every candidate would fail the same way
        throw UserError("a calibration run refused its input (" + exit.describe() + "): " + line);
      error = "replication " + std::to_string(rep) + ": vicsim run: " + exit.describe() +
              (line.empty() ? "" : ": " + line);
      return k;
    }
    try {
      const fs::path ts = work(rep) / "timeseries.csv";
      if (!fs::exists(ts)) throw ex::KpiError("timeseries.csv is missing");
      const auto table = reports::CsvTable::parse(read_text(ts), "timeseries.csv");
      const auto summary = nlohmann::json::parse(read_text(work(rep) / "summary.json"));
      for (std::size_t t = 0; t < c_.targets.size(); ++t)
        if (c_.targets[t].case_figure.empty()) k[t] = ex::calibration_kpi(c_.targets[t], table, summary);
    } catch (const std::exception& err) {
      error = "replication " + std::to_string(rep) + ": KPI: " + err.what();
    }
    return k;
  }

  bool has_case_figures() const {
    for (const auto& t : c_.targets)
      if (!t.case_figure.empty()) return true;
    return false;
  }

  void compute(ex::TraceRow& row, const std::vector<double>& values) {
    const auto overrides = sets(values);
    const std::int32_t reps = c_.replications;
    std::vector<std::vector<double>> kpis(static_cast<std::size_t>(reps));
    std::vector<std::string> errors(static_cast<std::size_t>(reps));
    std::map<pid_t, std::int32_t> active;
    std::int32_t next = 0;
    auto stop_all = [&] {
      for (const auto& [pid, rep] : active) stop_child(pid);
      active.clear();
    };
    try {
      while (next < reps || !active.empty()) {
        if (g_interrupted) {
          stop_all();
          throw Interrupted{};
        }
        while (active.size() < jobs_ && next < reps) {
          active[start(next, row.block, overrides)] = next;
          ++next;
        }
        bool progressed = false;
        for (auto it = active.begin(); it != active.end();) {
          if (auto exit = poll_child(it->first)) {
            const auto rep = static_cast<std::size_t>(it->second);
            kpis[rep] = finish(it->second, *exit, errors[rep]);
            std::error_code ec;
            fs::remove_all(work(it->second), ec);
            fs::remove(log(it->second), ec);
            it = active.erase(it);
            progressed = true;
          } else {
            ++it;
          }
        }
        if (!progressed) std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    } catch (...) {
      stop_all();
      throw;
    }
    if (g_interrupted) throw Interrupted{};  // children stopped by the same Ctrl-C have no result to keep
    // Case-figure targets: the matched design on each replication's seed, in this process, one replication
    // after another (about a seventh of a 120-month run each; docs/ODD.md 7.89).
    std::vector<ex::CaseFigureTotals> case_totals;
    if (has_case_figures()) {
      std::vector<std::uint64_t> seeds;
      for (std::int32_t r = 0; r < reps; ++r) seeds.push_back(ex::calibration_seed(c_.seed, row.block, r));
      try {
        case_totals = ex::measure_case_figure_seeds(c_.scenario_file, overrides, seeds);
      } catch (const std::exception& err) {
        if (errors.front().empty()) errors.front() = std::string("case figures: ") + err.what();
      }
    }
    // Replication order, whatever order the children finished in: the same bytes for any --jobs.
    auto m = ex::kpi_moments(kpis);
    if (!case_totals.empty()) ex::apply_case_figures(c_.targets, case_totals, kpis, m);
    row.status = "ok";
    row.error.clear();
    for (const auto& e : errors)
      if (!e.empty() && row.error.empty()) {
        row.status = "failed";
        row.error = e;
      }
    // A KPI that no run measured (an NA cell, a null summary key) is a failed evaluation, not a scored one:
    // the Hessian and the resume must not reuse it as a success.
    for (std::size_t t = 0; t < m.size() && row.status == "ok"; ++t)
      if (!std::isfinite(m[t].mean)) {
        row.status = "failed";
        row.error = "target " + c_.targets[t].name + ": mean is not finite (no replication measured it)";
      }
    for (const auto& km : m) {
      row.means.push_back(format_number(km.mean));
      row.sds.push_back(format_number(km.sd));
    }
    row.objective =
        format_number(row.status == "ok" ? ex::calibration_objective(c_.targets, m) : ex::kFailedObjective);
  }

  const ex::Calibration& c_;
  fs::path dir_;
  unsigned jobs_;
  std::vector<ex::TraceRow> stored_;
  std::size_t planned_;
  bool quiet_;
  std::string trace_;
  ProgressBar bar_;
  std::vector<ex::TraceRow> rows_;
};

/** One optimisation's outcome: the best point (first reached when tied), its objective and evaluation. */
struct FitResult {
  std::vector<double> unit;
  double objective = ex::kFailedObjective;
  std::int64_t eval = -1;
  std::int64_t first_eval = -1;  ///< the trace row of the optimiser's first evaluation, its start
  std::int32_t evaluations = 0;
  std::string stop_reason;
  /** Whether the best point is not the start: a refit that never beat its start says nothing about the
   *  spread over seed blocks (its values are the block-0 fit's, whatever the other block's optimum). */
  bool moved_from_start() const { return eval != first_eval; }
};

std::string stop_text(nlopt::result r) {
  switch (r) {
    case nlopt::MAXEVAL_REACHED:
      return "max_evaluations";
    case nlopt::XTOL_REACHED:
      return "xtol";
    case nlopt::FTOL_REACHED:
      return "ftol_abs";
    case nlopt::STOPVAL_REACHED:
      return "stopval";
    case nlopt::SUCCESS:
      return "success";
    default:
      return "nlopt result " + std::to_string(static_cast<int>(r));
  }
}

/** Runs the calibration's NLopt algorithm in the unit cube from `start` on one seed block. */
FitResult optimise(Evaluator& ev, const ex::Calibration& c, const std::string& stage, std::int32_t block,
                   const std::vector<double>& start, std::int32_t max_evaluations) {
  const unsigned n = static_cast<unsigned>(c.parameters.size());
  // Algorithms by name; the loader accepts only these.
  const std::map<std::string, nlopt::algorithm> algos = {{"LN_BOBYQA", nlopt::LN_BOBYQA},
                                                         {"LN_COBYLA", nlopt::LN_COBYLA},
                                                         {"LN_NELDERMEAD", nlopt::LN_NELDERMEAD},
                                                         {"LN_SBPLX", nlopt::LN_SBPLX}};
  nlopt::srand(c.seed);  // none of these algorithms draws, but a future one must not draw from the clock
  nlopt::opt opt(algos.at(c.optimiser.algorithm), n);
  opt.set_lower_bounds(std::vector<double>(n, 0.0));
  opt.set_upper_bounds(std::vector<double>(n, 1.0));
  opt.set_maxeval(max_evaluations);
  opt.set_xtol_abs(c.optimiser.xtol);
  if (c.optimiser.ftol_abs > 0) opt.set_ftol_abs(c.optimiser.ftol_abs);
  opt.set_initial_step(c.optimiser.initial_step);
  struct Context {
    Evaluator* ev;
    const std::string* stage;
    std::int32_t block;
    FitResult* best;
    std::exception_ptr error;
  };
  FitResult best;
  Context ctx{&ev, &stage, block, &best, nullptr};
  opt.set_min_objective(
      [](unsigned dim, const double* x, double*, void* data) -> double {
        auto* cx = static_cast<Context*>(data);
        try {
          const std::vector<double> u(x, x + dim);
          const double f = cx->ev->evaluate(*cx->stage, cx->block, "", u);
          ++cx->best->evaluations;
          if (cx->best->first_eval < 0) cx->best->first_eval = cx->ev->rows().back().eval;
          if (cx->best->eval < 0 || f < cx->best->objective) {
            cx->best->objective = f;
            cx->best->unit = u;
            cx->best->eval = cx->ev->rows().back().eval;
          }
          return f;
        } catch (...) {  // an interruption or an I/O error: stop NLopt, rethrown below
          cx->error = std::current_exception();
          throw nlopt::forced_stop();
        }
      },
      &ctx);
  std::vector<double> x = start;
  double f = 0;
  try {
    best.stop_reason = stop_text(opt.optimize(x, f));
  } catch (const nlopt::roundoff_limited&) {
    best.stop_reason = "roundoff_limited";
  } catch (const nlopt::forced_stop&) {
    if (ctx.error) std::rethrow_exception(ctx.error);
    throw;
  }
  if (ctx.error) std::rethrow_exception(ctx.error);
  return best;
}

/** Sets up DIR (fresh, resumed or refused) and reads the stored trace. Returns 0 or 2. */
int prepare_directory(const fs::path& dir, const CalibrateOptions& o, const nlohmann::json& man,
                      const ex::Calibration& c, std::vector<ex::TraceRow>& stored) {
  const fs::path manifest_file = dir / "calibrate.json";
  bool resume = false;
  if (const int rc = open_resumable_directory(
          dir, "calibrate.json", man["fingerprint"].get<std::string>(), o.force,
          "a calibration of different inputs: the calibration or base scenario file (or the NLopt version)",
          resume);
      rc != 0)
    return rc;
  fs::create_directories(dir);
  fs::remove_all(dir / "work");  // replications in progress when the last calibration stopped start again
  fs::create_directories(dir / "work");
  if (!resume) write_text(manifest_file, man.dump(2) + "\n");
  if (resume && fs::is_regular_file(dir / "trace.csv")) {
    try {
      stored = ex::read_trace(reports::CsvTable::parse(read_text(dir / "trace.csv"), "trace.csv"), c);
    } catch (const std::exception&) {
      stored.clear();  // unreadable: every evaluation is done again
    }
  }
  std::error_code ec;
  fs::remove(dir / "fit.json", ec);  // written again when the calibration completes
  fs::remove(dir / "hessian.csv", ec);
  return 0;
}

nlohmann::json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}

/** fit.json's "hessian": the stencil, the matrix, the eigen-analysis and the flat directions. */
nlohmann::json hessian_json(const ex::Calibration& c, const ex::HessianStencil& s,
                            const ex::HessianAnalysis& a, double centre_objective) {
  nlohmann::json names = nlohmann::json::array();
  for (const auto& p : c.parameters) names.push_back(p.name);
  nlohmann::json directions = nlohmann::json::array(), flat = nlohmann::json::array();
  for (std::size_t k = 0; k < a.eigenvalues.size(); ++k) {
    nlohmann::json d = {{"eigenvalue", a.eigenvalues[k]},
                        {"ratio", number_or_null(a.ratios[k])},
                        {"flat", static_cast<bool>(a.flat[k])},
                        {"vector", a.eigenvectors[k]}};
    directions.push_back(d);
    if (a.flat[k]) flat.push_back(d);
  }
  return {{"parameters", names},
          {"step", s.step},
          {"centre", ex::parameter_values(c.parameters, s.centre)},
          {"centre_unit", s.centre},
          {"centre_shifted", s.shifted},
          {"centre_objective", centre_objective},
          {"matrix", a.hessian},
          {"flat_ratio", a.flat_ratio},
          {"flat_eigenvalue", a.flat_eigenvalue},
          {"directions", directions},
          {"flat_directions", flat}};
}

/** hessian.csv: tidy, one number a row (docs/outputs.md). */
std::string hessian_csv(const ex::Calibration& c, const ex::HessianStencil& s, const ex::HessianAnalysis& a) {
  using reports::csv_field;
  std::string out = "quantity,i,j,value\n";
  auto row = [&](const std::string& q, const std::string& i, const std::string& j, double v) {
    out += q + "," + csv_field(i) + "," + csv_field(j) + "," + format_number(v) + "\n";
  };
  const std::size_t n = c.parameters.size();
  const auto centre = ex::parameter_values(c.parameters, s.centre);
  for (std::size_t i = 0; i < n; ++i) row("step", c.parameters[i].name, "", s.step);
  for (std::size_t i = 0; i < n; ++i) row("centre", c.parameters[i].name, "", centre[i]);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      row("hessian", c.parameters[i].name, c.parameters[j].name, a.hessian[i][j]);
  for (std::size_t k = 0; k < a.eigenvalues.size(); ++k) {
    const std::string dir = std::to_string(k + 1);
    row("eigenvalue", dir, "", a.eigenvalues[k]);
    row("ratio", dir, "", a.ratios[k]);
    row("flat", dir, "", a.flat[k] ? 1.0 : 0.0);
    for (std::size_t i = 0; i < n; ++i) row("eigenvector", dir, c.parameters[i].name, a.eigenvectors[k][i]);
  }
  return out;
}

}  // namespace

int run_calibration(const CalibrateOptions& o) {
  auto load = ex::load_calibration_file(o.calibration, timeseries_columns());
  if (!load.calibration) return report_problems(load.problems);
  const ex::Calibration& c = *load.calibration;
  const fs::path dir = o.out;
  const std::string fp = ex::fingerprint({load.text, load.scenario_text, nlopt_version()});
  nlohmann::json man = {{"fingerprint", fp},
                        {"calibration_file", c.file},
                        {"scenario_file", c.scenario_file},
                        {"algorithm", c.optimiser.algorithm},
                        {"nlopt_version", nlopt_version()},
                        {"vicsim_version", kVersion},
                        {"git_hash", kGitHash}};
  for (const auto& p : c.parameters) man["parameters"].push_back(p.name);
  for (const auto& t : c.targets) man["targets"].push_back(t.name);

  std::unique_ptr<reports::DirectoryLock> lock;
  std::vector<ex::TraceRow> stored;
  try {
    const fs::path target = reports::OutputDirectory::normalise(dir);
    fs::create_directories(target.parent_path());
    lock = std::make_unique<reports::DirectoryLock>(target);
    if (const int rc = prepare_directory(dir, o, man, c, stored); rc != 0) return rc;
  } catch (const reports::OutputError& err) {
    std::cerr << "error: " << err.what() << "\n";
    return 2;
  } catch (const fs::filesystem_error& err) {
    std::cerr << "error: " << err.path1().string() << ": " << err.code().message() << "\n";
    return 2;
  }

  const auto& id = c.identifiability;
  const std::size_t n = c.parameters.size();
  const bool hessian = id.enabled && id.hessian;
  const std::size_t planned = static_cast<std::size_t>(c.optimiser.max_evaluations) +
                              static_cast<std::size_t>(c.uncertainty.seed_blocks - 1) *
                                  static_cast<std::size_t>(c.uncertainty.max_evaluations) +
                              (id.enabled ? n * 2 * static_cast<std::size_t>(id.points) : 0) +
                              (hessian ? 2 * n * n : 0);
  const unsigned jobs = o.jobs.value_or(std::max(1u, std::thread::hardware_concurrency()));
  const auto t0 = std::chrono::steady_clock::now();
  const std::size_t stored_count = stored.size();
  Evaluator ev(c, dir, jobs, std::move(stored), planned, o.quiet);

  std::vector<double> start_values;
  for (const auto& p : c.parameters) start_values.push_back(p.start);
  FitResult fit;
  std::vector<FitResult> refits;
  std::vector<std::vector<std::pair<double, double>>> profiles(n);  // per parameter: (offset, objective)
  ex::HessianStencil stencil;
  ex::HessianAnalysis analysis;
  ex::QuadraticFit quadratic;
  std::vector<std::vector<double>> central;
  double centre_objective = 0;
  double flat_rise = c.identifiability.flat_rise;  // raised to the objective's noise by the Hessian's fit
  try {
    fit = optimise(ev, c, "fit", 0, ex::unit_point(c.parameters, start_values), c.optimiser.max_evaluations);
    for (std::int32_t b = 1; b < c.uncertainty.seed_blocks; ++b)
      refits.push_back(optimise(ev, c, "refit", b, fit.unit, c.uncertainty.max_evaluations));
    if (id.enabled)
      for (std::size_t j = 0; j < n; ++j)
        for (int side : {-1, 1})
          for (std::int32_t k = 1; k <= id.points; ++k) {
            const double off = side * id.width * k / id.points;
            auto u = fit.unit;
            u[j] += off;
            if (u[j] < 0.0 || u[j] > 1.0) continue;  // the profile stops at the bound
            profiles[j].push_back({off, ev.evaluate("profile", 0, c.parameters[j].name, u)});
          }
    if (hessian) {
      // Central differences around the fit on seed block 0 (common random numbers), after the profiles so
      // that calibrations without it replay unchanged; points already evaluated are reused.
      stencil = ex::hessian_stencil(fit.unit, id.hessian_step);
      const double f0 = ev.evaluate_or_reuse("hessian", 0, "", stencil.centre);
      std::vector<double> fs;
      for (std::size_t k = 0; k < stencil.points.size(); ++k) {
        std::string label;
        for (std::size_t i : stencil.moved[k]) label += (label.empty() ? "" : ";") + c.parameters[i].name;
        fs.push_back(ev.evaluate_or_reuse("hessian", 0, label, stencil.points[k]));
      }
      central = ex::hessian_from_stencil(stencil, f0, fs);
      // The Hessian of a quadratic fitted by least squares to the stencil and the profile points within 2h
      // of the centre: the selected minimum J(c) is one point among several instead of carrying weight
      // −2/h² (docs/ODD.md 7.74). Designed points only: the optimiser's path moves parameters together, and
      // on it the roughness of one parameter leaked into another's curvature. Central differences when too
      // few points.
      std::vector<std::vector<double>> pts = {stencil.centre};
      std::vector<double> objs = {f0};
      auto add = [&](const std::vector<double>& u, double f) {
        for (const auto& q : pts)
          if (q == u) return;  // a profile point the stencil reused: counted once
        pts.push_back(u);
        objs.push_back(f);
      };
      for (std::size_t k = 0; k < stencil.points.size(); ++k) add(stencil.points[k], fs[k]);
      for (std::size_t j = 0; j < n; ++j)
        for (const auto& [off, f] : profiles[j]) {
          auto u = fit.unit;
          u[j] += off;
          add(u, f);
        }
      quadratic = ex::quadratic_fit_hessian(pts, objs, stencil.centre, 2.0 * stencil.step);
      // The objective's roughness around the quadratic (seed noise the common random numbers do not
      // cancel) sets a floor under the rise that counts as pinned down (docs/ODD.md 7.59).
      flat_rise = ex::flat_threshold(id.flat_rise, id.noise_sds, quadratic.ok ? quadratic.residual_sd : 0.0);
      analysis =
          ex::analyse_hessian(quadratic.ok ? quadratic.hessian : central, id.flat_ratio, flat_rise, id.width);
      centre_objective = f0;
    }
    ev.flush();
  } catch (const Interrupted&) {
    std::cerr << "\ninterrupted: " << ev.rows().size() << " evaluations are recorded in "
              << (dir / "trace.csv").string() << "; run the same command again to resume\n";
    return 130;
  }
  fs::remove_all(dir / "work");

  // fit.json: the fitted values, the objective, the spread over seed blocks and the profiles.
  const auto& rows = ev.rows();
  const auto& best = rows[static_cast<std::size_t>(fit.eval)];
  if (best.status != "ok") {  // every evaluation failed: there is no fit to report
    std::cerr << "error: no evaluation of the calibration could be measured; one of the errors: "
              << best.error << "\n(every evaluation is in " << (dir / "trace.csv").string()
              << "; no fit.json was written)\n";
    return 1;
  }
  const auto fitted = ex::parameter_values(c.parameters, fit.unit);
  nlohmann::json j = {{"calibration", c.name},
                      {"calibration_file", c.file},
                      {"scenario_file", c.scenario_file},
                      {"algorithm", c.optimiser.algorithm},
                      {"replications", c.replications},
                      {"seed", c.seed},
                      {"seed_blocks", c.uncertainty.seed_blocks},
                      {"objective", fit.objective},
                      {"fit_eval", fit.eval},
                      {"fit_evaluations", fit.evaluations},
                      {"stop_reason", fit.stop_reason},
                      {"evaluations", rows.size()},
                      {"vicsim_version", kVersion},
                      {"nlopt_version", nlopt_version()}};
  j["set"] = nlohmann::json::array();
  j["flat_parameters"] = nlohmann::json::array();
  j["flat_rise_used"] = flat_rise;  // flat_rise, or noise_sds × the Hessian fit's residual sd if larger
  // A spread over blocks is informative only when some refit left its start (the block-0 optimum).
  const auto refits_moved =
      std::count_if(refits.begin(), refits.end(), [](const FitResult& r) { return r.moved_from_start(); });
  const bool spread_informative = refits_moved > 0;
  j["warnings"] = nlohmann::json::array();
  if (!refits.empty() && !spread_informative)
    j["warnings"].push_back(
        "no refit on another seed block moved from its start (the block-0 optimum) within its " +
        std::to_string(c.uncertainty.max_evaluations) +
        " evaluations: the spread over seed blocks is not measured (sd 0 is not a small uncertainty); raise "
        "uncertainty.max_evaluations");
  for (std::size_t p = 0; p < n; ++p) {
    const auto& par = c.parameters[p];
    std::vector<double> blocks = {fitted[p]};
    for (const auto& r : refits) blocks.push_back(ex::parameter_values(c.parameters, r.unit)[p]);
    const auto spread = ex::block_spread(blocks);
    nlohmann::json pj = {{"name", par.name},
                         {"path", par.path},
                         {"value", fitted[p]},
                         {"start", par.start},
                         {"bounds", par.bounds},
                         {"at_bound", fit.unit[p] <= 1e-9 || fit.unit[p] >= 1 - 1e-9},
                         {"block_values", blocks},
                         {"block_spread",
                          {{"mean", spread.mean},
                           {"sd", spread.sd},
                           {"min", spread.min},
                           {"max", spread.max},
                           {"refits_moved", refits_moved},
                           {"informative", spread_informative}}}};
    if (id.enabled) {
      std::vector<double> offs, objs;
      for (const auto& [off, f] : profiles[p]) {
        offs.push_back(off);
        objs.push_back(f);
      }
      const auto s = ex::profile_summary(offs, objs, fit.objective, flat_rise);
      pj["profile"] = {{"points", profiles[p].size()},
                       {"rise", s.rise},
                       {"curvature", s.curvature},
                       {"flat", s.flat},
                       {"lower_found", s.lower_found}};
      if (s.flat) j["flat_parameters"].push_back(par.name);
    }
    j["parameters"].push_back(pj);
    j["set"].push_back(par.path + "=" + format_number(fitted[p]));
  }
  for (std::size_t k = 0; k < c.targets.size(); ++k) {
    const auto& t = c.targets[k];
    const double m = reports::parse_number(best.means[k]);
    const double d = (m - t.value) / t.scale();
    j["targets"].push_back(
        {{"name", t.name},
         {"value", t.value},
         {"tolerance", t.tolerance > 0 ? nlohmann::json(t.tolerance) : nlohmann::json(nullptr)},
         {"weight", t.weight},
         {"source", t.source},
         {"fitted_mean", number_or_null(m)},
         {"fitted_sd", number_or_null(reports::parse_number(best.sds[k]))},
         {"distance", number_or_null(d)},
         {"within_tolerance", t.tolerance > 0 && std::isfinite(d) && std::fabs(d) <= 1.0}});
  }
  if (hessian) {
    j["hessian"] = hessian_json(c, stencil, analysis, centre_objective);
    j["hessian"]["method"] = quadratic.ok ? "least_squares" : "central_differences";
    j["hessian"]["fit_radius"] = 2.0 * stencil.step;
    j["hessian"]["fit_points"] = quadratic.points;
    j["hessian"]["fit_residual_sd"] = quadratic.residual_sd;
    j["hessian"]["central_difference_matrix"] = central;
    write_text(dir / "hessian.csv", hessian_csv(c, stencil, analysis));
  }
  nlohmann::json rj = nlohmann::json::array();
  for (std::size_t b = 0; b < refits.size(); ++b)
    rj.push_back({{"block", b + 1},
                  {"objective", refits[b].objective},
                  {"values", ex::parameter_values(c.parameters, refits[b].unit)},
                  {"evaluations", refits[b].evaluations},
                  {"moved_from_start", refits[b].moved_from_start()},
                  {"stop_reason", refits[b].stop_reason}});
  j["refits"] = rj;
  write_text(dir / "fit.json", j.dump(2) + "\n");

  if (!o.quiet) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cerr << "calibrate: " << rows.size() << " evaluations (" << ev.computed << " run, " << ev.replayed
              << " replayed from " << stored_count << " stored) in " << std::fixed << std::setprecision(1)
              << secs << " s with " << jobs << " job" << (jobs == 1 ? "" : "s");
    if (ev.computed > 0)
      std::cerr << ", " << std::setprecision(2) << ev.compute_seconds / static_cast<double>(ev.computed)
                << " s per evaluation of " << c.replications << " replication"
                << (c.replications == 1 ? "" : "s");
    std::cerr << "; objective " << format_number(fit.objective) << "; wrote " << (dir / "fit.json").string()
              << "\n";
  }
  // Printed even with --quiet: it changes how fit.json's spread must be read.
  for (const auto& w : j["warnings"]) std::cerr << "calibrate: warning: " << w.get<std::string>() << "\n";
  return 0;
}

}  // namespace vicsim::app
