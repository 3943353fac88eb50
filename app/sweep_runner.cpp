#include "app/sweep_runner.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include "app/child_process.hpp"
#include "app/child_run_files.hpp"
#include "app/cli_support.hpp"
#include "app/mpi_session.hpp"
#include "app/progress_bar.hpp"
#include "experiments/analysis.hpp"
#include "experiments/experiment_loader.hpp"
#include "experiments/fingerprint.hpp"
#include "experiments/kpi.hpp"
#include "reports/csv_table.hpp"
#include "reports/directory_lock.hpp"
#include "reports/output_directory.hpp"
#include "reports/run_writers.hpp"
#include "vicsim_version.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;
namespace ex = vicsim::experiments;

std::string run_name(std::int64_t run_id) {
  std::string n = std::to_string(run_id);
  return "run_" + std::string(n.size() < 6 ? 6 - n.size() : 0, '0') + n;
}

/** Writes a file atomically: a temporary sibling renamed over the target. */
void write_atomically(const fs::path& p, const std::string& text) {
  const fs::path tmp = p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid()));
  write_file(tmp, [&](std::ostream& out) { out << text; });
  fs::rename(tmp, p);
}

/** Whether a failed child run failed for a reason outside the model, so that it runs again on resume: killed
 * by a signal from outside (an administrator, the OOM killer, a CPU or file-size limit), or an error from
 * the file system or memory. A crash of the model itself (SIGSEGV, SIGABRT, SIGFPE) or a bad input is kept.
 */
bool transient_failure(const ChildExit& exit, const std::string& log_line) {
  for (int sig : {SIGKILL, SIGTERM, SIGINT, SIGHUP, SIGXCPU, SIGXFSZ, SIGPIPE})
    if (exit.signal == sig) return true;
  if (exit.signal != 0) return false;
  for (int err : {ENOSPC, EIO, EDQUOT, ENOMEM, EROFS, EMFILE, ENFILE})
    if (log_line.find(std::strerror(err)) != std::string::npos) return true;
  return log_line.find("std::bad_alloc") != std::string::npos;
}

/** Everything the sweep directory's sweep.json records; the fingerprint decides whether to resume. */
nlohmann::json manifest(const ex::Experiment& e, const std::string& fp, std::size_t runs) {
  nlohmann::json factors = nlohmann::json::array();
  for (const auto& c : ex::factor_columns(e)) {
    nlohmann::json f = {{"name", c.name}};
    if (!c.levels.empty()) f["levels"] = c.levels;
    factors.push_back(f);
  }
  nlohmann::json kpis = nlohmann::json::array();
  for (const auto& o : e.outputs) kpis.push_back(o.name);
  return {{"fingerprint", fp}, {"experiment_file", e.file},  {"scenario_file", e.scenario_file},
          {"runs", runs},      {"design", e.design.type},    {"factors", factors},
          {"kpis", kpis},      {"vicsim_version", kVersion}, {"git_hash", kGitHash}};
}

/** Sets up DIR (fresh, resumed or refused) and loads the records of finished runs. Returns 0 or 2. */
int prepare_directory(const fs::path& dir, const SweepOptions& o, const nlohmann::json& man,
                      const std::vector<ex::PlannedRun>& runs,
                      std::map<std::int64_t, ex::RunRecord>& records) {
  const fs::path manifest_file = dir / "sweep.json";
  bool resume = false;
  if (const int rc = open_resumable_directory(
          dir, "sweep.json", man["fingerprint"].get<std::string>(), o.force,
          "a sweep of a different experiment: the experiment or base scenario file", resume);
      rc != 0)
    return rc;
  fs::create_directories(dir / "runs");
  fs::remove_all(dir / "work");  // runs in progress when the last sweep stopped start again
  fs::create_directories(dir / "work");
  if (!resume) write_atomically(manifest_file, man.dump(2) + "\n");

  for (const auto& entry : fs::directory_iterator(dir / "runs")) {
    const auto name = entry.path().filename().string();
    if (name.rfind(".", 0) == 0) {  // a temporary file of an interrupted write
      fs::remove_all(entry.path());
      continue;
    }
    if (entry.path().extension() != ".json") continue;
    try {
      auto r = ex::record_from_json(nlohmann::json::parse(read_text(entry.path())));
      if (r.run_id < 0 || static_cast<std::size_t>(r.run_id) >= runs.size() ||
          runs[static_cast<std::size_t>(r.run_id)].seed != r.seed || name != run_name(r.run_id) + ".json")
        continue;
      if (r.status != "ok" && (o.retry_failed || r.transient)) continue;
      records[r.run_id] = std::move(r);
    } catch (const std::exception&) {
      // unreadable: the run is done again
    }
  }
  return 0;
}

/** results.csv from the records, in run_id order. */
std::string results_text(const ex::Experiment& e, const std::map<std::int64_t, ex::RunRecord>& records) {
  std::string s = ex::results_header(e);
  for (const auto& [id, r] : records) s += ex::results_row(r);
  return s;
}

/** One process's share of the runs, its children, and (on rank 0) the results. */
class Sweep {
 public:
  Sweep(const ex::Experiment& e, const std::vector<ex::PlannedRun>& runs, const fs::path& dir,
        const SweepOptions& o, const MpiSession& mpi)
      : e_(e), runs_(runs), dir_(dir), o_(o), mpi_(mpi) {}

  std::map<std::int64_t, ex::RunRecord> records;  // rank 0: every finished run

  /** Runs `mine` with `jobs` children at a time; on rank 0 also collects the other ranks' records.
   * Returns false if interrupted. */
  bool execute(std::deque<std::size_t> mine, unsigned jobs, std::size_t pending_total) {
    const bool root = mpi_.rank() == 0;
    ProgressBar bar(std::string("sweep ") + (e_.name.empty() ? "" : e_.name + " ") +
                    (records.empty() ? "" : "(resumed) "));
    std::size_t finished = 0;
    int ranks_done = 1;
    if (root) {
      stream_.open(dir_ / "results.csv", std::ios::binary | std::ios::app);
      if (!stream_)
        throw reports::OutputError((dir_ / "results.csv").string() +
                                   ": cannot open for writing: " + std::strerror(errno));
      if (!o_.quiet) bar.update(0, static_cast<long>(pending_total));
    }
    std::map<pid_t, std::size_t> active;
    bool local_done = false;
    while (true) {
      if (g_interrupted) {
        for (const auto& [pid, run] : active) stop_child(pid);
        for (const auto& [pid, run] : active) remove_work(runs_[run]);
        return false;
      }
      while (active.size() < jobs && !mine.empty()) {
        const auto run = mine.front();
        mine.pop_front();
        active[start(runs_[run])] = run;
      }
      bool progressed = false;
      for (auto it = active.begin(); it != active.end();) {
        if (auto ex = poll_child(it->first)) {
          auto record = finish(runs_[it->second], *ex);
          it = active.erase(it);
          progressed = true;
          if (g_interrupted) continue;  // an interrupted run is not a result: it runs again on resume
          if (root) {
            accept(std::move(record));
            ++finished;
          } else {
            mpi_.send_to_root(MpiSession::Record, ex::to_json(record).dump());
          }
        } else {
          ++it;
        }
      }
      if (!local_done && active.empty() && mine.empty()) {
        local_done = true;
        if (!root) mpi_.send_to_root(MpiSession::Done, "");
      }
      if (root) {
        while (auto msg = mpi_.poll()) {
          progressed = true;
          if (msg->first == MpiSession::Done) {
            ++ranks_done;
          } else {
            accept(ex::record_from_json(nlohmann::json::parse(msg->second)));
            ++finished;
          }
        }
        if (!o_.quiet && progressed)
          bar.update(static_cast<long>(finished), static_cast<long>(pending_total));
        if (local_done && ranks_done == mpi_.size()) return true;
      } else if (local_done) {
        return true;
      }
      if (!progressed) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

 private:
  fs::path work_dir(const ex::PlannedRun& r) const { return dir_ / "work" / run_name(r.run_id); }
  fs::path log_file(const ex::PlannedRun& r) const { return dir_ / "work" / (run_name(r.run_id) + ".log"); }

  pid_t start(const ex::PlannedRun& r) {
    std::vector<std::string> args = {"run",       e_.scenario_file,
                                     "--out",     work_dir(r).string(),
                                     "--seed",    std::to_string(r.seed),
                                     "--threads", "1",
                                     "--quiet",   "--force"};
    // One with/without-pilot pair per run: replications are the sweep's own business.
    args.insert(args.end(), {"--pilot-replications", "1"});
    // Snapshots are wasted work when the run directory is thrown away (an experiment's own set wins).
    if (!o_.keep_runs) args.insert(args.end(), {"--set", "output.graphml=false"});
    for (const auto& s : r.sets) args.insert(args.end(), {"--set", s});
    return spawn_child("/proc/self/exe", args, log_file(r));
  }

  ex::RunRecord finish(const ex::PlannedRun& r, const ChildExit& exit) {
    ex::RunRecord record;
    if (!exit.ok()) {
      std::string why = "vicsim run: " + exit.describe();
      const auto line = log_summary(log_file(r));
      if (!line.empty()) why += ": " + line;
      record = ex::failed_record(r, e_.outputs.size(), why);
      record.transient = transient_failure(exit, line);
    } else {
      try {
        const fs::path ts = work_dir(r) / "timeseries.csv";
        if (!fs::exists(ts)) throw ex::KpiError("timeseries.csv is missing");
        // Named without the work directory: the message lands in results.csv, which must not vary by path.
        const auto table = reports::CsvTable::parse(read_text(ts), "timeseries.csv");
        const auto summary = nlohmann::json::parse(read_text(work_dir(r) / "summary.json"));
        record = ex::make_record(r, ex::compute_kpis(e_.outputs, table, summary));
      } catch (const std::exception& err) {
        record = ex::failed_record(r, e_.outputs.size(), std::string("KPI: ") + err.what());
      }
    }
    if (o_.keep_runs && !g_interrupted) {
      const fs::path kept = dir_ / "runs" / run_name(r.run_id);
      fs::remove_all(kept);
      if (fs::exists(work_dir(r))) fs::rename(work_dir(r), kept);
      if (!exit.ok()) fs::rename(log_file(r), dir_ / "runs" / (run_name(r.run_id) + ".log"));
    }
    remove_work(r);
    return record;
  }

  void remove_work(const ex::PlannedRun& r) {
    std::error_code ec;
    fs::remove_all(work_dir(r), ec);
    fs::remove(log_file(r), ec);
  }

  /** Rank 0: the record goes to DIR/runs/ (atomically) and a row to results.csv. */
  void accept(ex::RunRecord record) {
    write_atomically(dir_ / "runs" / (run_name(record.run_id) + ".json"), ex::to_json(record).dump(1) + "\n");
    stream_ << ex::results_row(record);
    stream_.flush();
    if (!stream_)
      throw reports::OutputError((dir_ / "results.csv").string() + ": write failed: " + std::strerror(errno));
    records[record.run_id] = std::move(record);
  }

  const ex::Experiment& e_;
  const std::vector<ex::PlannedRun>& runs_;
  fs::path dir_;
  const SweepOptions& o_;
  const MpiSession& mpi_;
  std::ofstream stream_;
};

/** Rank 0, all runs done: canonical results.csv, sensitivity indices, PRIM boxes. */
void write_analyses(const ex::Experiment& e, const ex::UnitPoints& design,
                    const std::vector<ex::PlannedRun>& runs,
                    const std::map<std::int64_t, ex::RunRecord>& records, const fs::path& dir) {
  const std::string results = results_text(e, records);
  std::vector<ex::RunRecord> ordered;
  for (const auto& [id, r] : records) ordered.push_back(r);
  const ex::SweepData data{e, design, runs, ordered};
  if (ex::has_sensitivity(e)) {
    const auto s = ex::sensitivity_json(data);
    write_atomically(dir / "sensitivity.json", s.dump(2) + "\n");
    write_atomically(dir / "sensitivity.csv", ex::sensitivity_csv(s));
  }
  if (e.discovery.enabled) {
    const auto p = ex::prim_json(reports::CsvTable::parse(results, "results.csv"), ex::factor_columns(e),
                                 e.discovery.condition, e.discovery);
    write_atomically(dir / "prim.json", p.dump(2) + "\n");
    write_atomically(dir / "prim.csv", ex::prim_csv(p));
  }
  write_atomically(dir / "results.csv", results);
}

}  // namespace

int run_sweep(const SweepOptions& o) {
  std::unique_ptr<MpiSession> session;
  try {
    session = std::make_unique<MpiSession>();
  } catch (const MpiUnavailable& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  const MpiSession& mpi = *session;
  const bool root = mpi.rank() == 0;
  auto load = ex::load_experiment_file(o.experiment, timeseries_columns());
  if (!load.experiment) return root ? report_problems(load.problems) : 2;
  const ex::Experiment& e = *load.experiment;
  const auto design = ex::generate_design(e);
  const auto runs = ex::plan_runs(e, design);
  const fs::path dir = o.out;
  const auto man = manifest(e, ex::fingerprint({load.text, load.scenario_text}), runs.size());

  // Rank 0 locks and prepares the directory and tells every rank which runs are still to do.
  std::map<std::int64_t, ex::RunRecord> done;
  std::string todo;  // "2" on a bad directory, else one '0'/'1' (done) per run
  std::unique_ptr<reports::DirectoryLock> lock;
  if (root) {
    int rc = 0;
    try {
      const fs::path target = reports::OutputDirectory::normalise(dir);
      fs::create_directories(target.parent_path());
      lock = std::make_unique<reports::DirectoryLock>(target);
      rc = prepare_directory(dir, o, man, runs, done);
    } catch (const reports::OutputError& err) {
      std::cerr << "error: " << err.what() << "\n";
      rc = 2;
    } catch (const fs::filesystem_error& err) {
      std::cerr << "error: " << err.path1().string() << ": " << err.code().message() << "\n";
      rc = 2;
    }
    if (rc != 0) {
      todo = "2";
    } else {
      todo.assign(runs.size(), '0');
      for (const auto& [id, r] : done) todo[static_cast<std::size_t>(id)] = '1';
      write_atomically(dir / "results.csv", results_text(e, done));  // drops a half-written last row
    }
  }
  mpi.broadcast(todo);
  if (todo == "2") return 2;
  if (!root) fs::create_directories(dir / "work");

  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (todo[i] == '0') pending.push_back(i);
  std::deque<std::size_t> mine;  // pending runs are dealt round-robin over the ranks
  for (std::size_t i = static_cast<std::size_t>(mpi.rank()); i < pending.size();
       i += static_cast<std::size_t>(mpi.size()))
    mine.push_back(pending[i]);
  const unsigned jobs =
      o.jobs.value_or(mpi.active() ? 1u : std::max(1u, std::thread::hardware_concurrency()));

  const auto t0 = std::chrono::steady_clock::now();
  Sweep sweep(e, runs, dir, o, mpi);
  sweep.records = std::move(done);
  const bool completed = sweep.execute(std::move(mine), jobs, pending.size());
  if (!completed) {
    if (root)
      std::cerr << "\ninterrupted: " << sweep.records.size() << " of " << runs.size()
                << " runs are recorded in " << dir.string() << "; run the same command again to resume\n";
    if (mpi.size() > 1) mpi.abort(130);
    return 130;
  }
  int rc = 0;
  if (root) {
    if (sweep.records.size() != runs.size()) {
      std::cerr << "error: " << runs.size() - sweep.records.size()
                << " runs have no result; run the same command again\n";
      rc = 1;
    } else {
      write_analyses(e, design, runs, sweep.records, dir);
      fs::remove_all(dir / "work");
      std::size_t failed = 0;
      std::size_t transient = 0;
      for (const auto& [id, r] : sweep.records) {
        failed += r.status == "ok" ? 0 : 1;
        transient += r.transient ? 1 : 0;
      }
      if (transient > 0)
        std::cerr << "sweep: " << transient << " run" << (transient == 1 ? "" : "s")
                  << " failed for a reason outside the model (disk, I/O, killed); run the same command "
                     "again to retry "
                  << (transient == 1 ? "it" : "them") << "\n";
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (!o.quiet)
        std::cerr << "sweep: " << runs.size() << " runs (" << pending.size() << " this time, " << failed
                  << " failed) in " << std::fixed << std::setprecision(1) << secs << " s with " << mpi.size()
                  << " rank" << (mpi.size() == 1 ? "" : "s") << " x " << jobs << " job"
                  << (jobs == 1 ? "" : "s") << "; wrote " << (dir / "results.csv").string() << "\n";
    }
  }
  mpi.barrier();
  return rc;
}

}  // namespace vicsim::app
