#include "app/scenario_jobs.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <thread>

#include "app/cli_support.hpp"
#include "app/progress_bar.hpp"
#include "app/scenario_run.hpp"
#include "reports/output_error.hpp"

namespace vicsim::app {

namespace fs = std::filesystem;

namespace {

/** SIGTERM to every running child, reap them, and throw Interrupted. */
[[noreturn]] void stop_all(std::map<pid_t, std::size_t>& running) {
  for (auto& [p, k] : running) kill(p, SIGTERM);
  int status = 0;
  while (!running.empty()) {
    const pid_t q = waitpid(-1, &status, 0);
    if (q > 0)
      running.erase(q);
    else if (errno != EINTR)
      break;
  }
  throw Interrupted{};
}

}  // namespace

/** Runs each job in a forked child (SimGrid keeps one Engine per process), at most `jobs` at once.
 * Outputs do not depend on `jobs`: every run writes only its own directory. */
void run_scenario_jobs(const std::vector<ScenarioJob>& jobs_list, int jobs,
                       const std::vector<std::string>& sets, bool quiet, const std::string& label) {
  ProgressBar bar(label);
  std::map<pid_t, std::size_t> running;
  std::size_t next = 0, done = 0;
  std::string failure;
  bool user_failure = false;
  while (done < jobs_list.size()) {
    while (next < jobs_list.size() && static_cast<int>(running.size()) < jobs && failure.empty()) {
      const ScenarioJob& j = jobs_list[next];
      fs::create_directories(j.dir);
      std::cout.flush();
      std::cerr.flush();
      const pid_t pid = fork();
      if (pid < 0) throw std::runtime_error("fork failed");
      if (pid == 0) {
        int rc = 0;
        try {
          auto provenance = RunProvenance{j.source, sets};
          provenance.overrides.insert(provenance.overrides.end(), j.overrides.begin(), j.overrides.end());
          run_scenario_into(*j.scenario, j.dir, provenance, 1,
                            [](std::int32_t, std::int32_t) { check_interrupted(); });
        } catch (const Interrupted&) {
          rc = 130;
        } catch (const UserError& e) {
          std::cerr << "error: " << e.what() << "\n";
          rc = 2;
        } catch (const reports::OutputError& e) {
          std::cerr << "error: " << e.what() << "\n";
          rc = 2;
        } catch (const std::exception& e) {
          std::cerr << "error: " << j.dir.string() << ": " << e.what() << "\n";
          rc = 1;
        }
        std::cerr.flush();
        std::_Exit(rc);
      }
      running[pid] = next++;
    }
    if (running.empty()) break;
    int status = 0;
    // Polled, so a SIGINT/SIGTERM is seen at once (waitpid restarts after a signal).
    const pid_t pid = g_interrupted ? -1 : waitpid(-1, &status, WNOHANG);
    if (pid == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    if (pid < 0 && !g_interrupted) {
      if (errno == EINTR) continue;
      throw std::runtime_error("waitpid failed");
    }
    if (pid < 0) stop_all(running);
    const auto it = running.find(pid);
    if (it == running.end()) continue;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      failure = "run " + jobs_list[it->second].dir.string() + " failed";
      user_failure = WIFEXITED(status) && WEXITSTATUS(status) == 2;  // its message is above
    }
    running.erase(it);
    ++done;
    if (!quiet) bar.update(static_cast<long>(done), static_cast<long>(jobs_list.size()));
    if (g_interrupted) stop_all(running);
    if (!failure.empty() && running.empty()) break;
  }
  if (!failure.empty() && user_failure) throw UserError(failure);
  if (!failure.empty()) throw std::runtime_error(failure);
}

int load_paired_arms(const std::string& a, const std::string& b, std::vector<std::string> sets,
                     std::optional<std::uint64_t> seed, std::optional<std::int32_t> ticks,
                     scenarios::LoadResult& la, scenarios::LoadResult& lb) {
  if (seed) sets.push_back("seed=" + std::to_string(*seed));
  if (ticks) sets.push_back("ticks=" + std::to_string(*ticks));
  la = scenarios::load_scenario_file(a, sets);
  lb = scenarios::load_scenario_file(b, sets);
  if (!la.scenario || !lb.scenario) {
    scenarios::Diagnostics all = la.problems;
    all.insert(all.end(), lb.problems.begin(), lb.problems.end());
    return report_problems(all);
  }
  if (la.scenario->ticks != lb.scenario->ticks) {
    std::cerr << "error: " << b << ": ticks is " << lb.scenario->ticks << " but " << a << " has "
              << la.scenario->ticks << "; paired runs need the same horizon (use --ticks)\n";
    return 2;
  }
  return 0;
}

}  // namespace vicsim::app
