// `vicsim bench`: the full model at several population sizes, one child process per size (so peak RSS is
// per size and each size gets its own SimGrid engine). For each size: firm-ticks per second, peak RSS,
// bytes per firm, the share of wall time in every phase, and a reference loop doing the model's neighbour
// reads with no model logic. The last line of stdout is a one-line summary.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/allocator_policy.hpp"
#include "app/child_process.hpp"
#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "app/progress_bar.hpp"
#include "app/scenario_run.hpp"
#include "scenarios/json_file.hpp"
#include "scenarios/scenario_loader.hpp"
#include "sim/network_metrics.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;

struct BenchOptions {
  std::vector<std::int64_t> sizes{10'000, 100'000, 1'000'000};
  std::int32_t ticks = 120;
  unsigned threads = 1;
  bool smoke = false;
  bool keep_exited_slots = false;  ///< no compaction of exited firms' slots (to measure what it saves)
  std::string scenario;            ///< empty: the full model composed from the bundled scenarios
  std::vector<std::string> sets;
  // Internal: one size in this process (the parent runs itself with these).
  std::int64_t child_size = 0;
  std::string child_result;
};

fs::path bundled_scenarios() { return fs::path(VICSIM_SOURCE_DIR) / "scenarios"; }

/** The benchmark scenario: every mechanism, platforms with 1+N interconnection, the infrastructure layer and
 * three policy instruments. one_plus_n.json is the platform_led world with the 1+N middle platform and the
 * interconnection mandate; the 5G roll-out (infrastructure_5g.json) and the SME cloud vouchers
 * (classroom_vouchers.json) are added to its policies. */
std::optional<nlohmann::json> full_model_document(scenarios::Diagnostics& diag) {
  const fs::path dir = bundled_scenarios();
  auto doc = scenarios::read_json_file((dir / "one_plus_n.json").string(), diag);
  if (!doc) return std::nullopt;
  for (const char* extra : {"infrastructure_5g.json", "classroom_vouchers.json"}) {
    auto more = scenarios::read_json_file((dir / extra).string(), diag);
    if (!more) return std::nullopt;
    for (const auto& p : (*more)["policies"]) (*doc)["policies"].push_back(p);
  }
  (*doc)["name"] = "bench_full_model";
  (*doc)["description"] =
      "vicsim bench: one_plus_n.json (platform_led world, 1+N) plus the policies of infrastructure_5g.json "
      "and "
      "classroom_vouchers.json";
  return doc;
}

/** Loads the benchmark scenario at `firms` firms and `ticks` ticks; prints problems and returns nothing. */
std::optional<scenarios::Scenario> bench_scenario(const BenchOptions& o, std::int64_t firms) {
  auto sets = o.sets;
  // The firm cap scales with the count (demography.max_firms = 0, agents::firm_cap), so every size has room
  // for entrants. A --set of the user's comes later in the list and wins.
  sets.insert(sets.begin(),
              {"mechanisms.population.count=" + std::to_string(firms), "ticks=" + std::to_string(o.ticks)});
  scenarios::LoadResult r;
  if (!o.scenario.empty()) {
    r = scenarios::load_scenario_file(o.scenario, sets);
  } else {
    auto doc = full_model_document(r.problems);
    if (doc) r = scenarios::load_scenario(*doc, (bundled_scenarios() / "one_plus_n.json").string(), sets);
  }
  if (!r.scenario) {
    report_problems(r.problems);
    return std::nullopt;
  }
  return r.scenario;
}

/** A field of /proc/self/status in KiB (VmHWM: peak resident set; VmRSS: current), or -1. */
double proc_status_kib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1));
  return -1.0;
}

/**
 * The reference loop: for `ticks` ticks, every alive firm reads, for each of its tie partners, three of the
 * partner's firm arrays (price, productivity, employees) in the final network's order and writes one
 * value: the neighbour reads of one pass over the ties with no model logic. Returns seconds; `reads` gets the
 * neighbour reads per firm-tick and `checksum` a value that keeps the compiler from dropping the loop.
 */
double reference_loop(const sim::World& w, std::int32_t ticks, double& reads, double& checksum) {
  const auto snap = sim::undirected_snapshot(w);
  const sim::Firms& f = w.firms;
  std::vector<double> out(f.size(), 0.0);
  const auto t0 = std::chrono::steady_clock::now();
  for (std::int32_t t = 0; t < ticks; ++t)
    for (std::size_t v = 0; v < snap.num_vertices(); ++v) {
      double acc = 0.0;
      for (auto u : snap.neighbours(v)) {
        const auto j = snap.firm_of[u];
        acc += f.price[j] * f.productivity[j] + f.employees[j];
      }
      out[snap.firm_of[v]] = 0.5 * out[snap.firm_of[v]] + acc;
    }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  reads = snap.num_vertices() > 0
              ? static_cast<double>(snap.adjacent.size()) / static_cast<double>(snap.num_vertices())
              : 0.0;
  checksum = 0.0;
  for (double x : out) checksum += x;
  return s;
}

/** A clock's phases as a JSON array of {name, seconds, cpu_seconds, main_cpu_seconds}. */
nlohmann::json phases_json(const sim::PhaseClock& clock) {
  auto out = nlohmann::json::array();
  for (const auto& p : clock.phases())
    out.push_back({{"name", p.name},
                   {"seconds", p.seconds},
                   {"cpu_seconds", p.cpu_seconds},
                   {"main_cpu_seconds", p.main_cpu_seconds}});
  return out;
}

/** Runs one size in this process and writes its measurements as JSON to o.child_result. */
int run_child(const BenchOptions& o) {
  const double rss_start = proc_status_kib("VmRSS");
  auto s = bench_scenario(o, o.child_size);
  if (!s) return 2;
  const fs::path dir = fs::path(o.child_result).parent_path() / "run";
  fs::create_directories(dir);
  RunInstruments inst;
  double ref_s = 0.0, reads = 0.0, checksum = 0.0, peak_before_reference = 0.0, inspect_s = 0.0,
         inspect_cpu = 0.0, loop_cpu = 0.0, ref_cpu = 0.0;
  std::size_t firms_final = 0, ties_final = 0, slots_final = 0, created = 0, archived_bytes = 0,
              firm_bytes = 0, tie_bytes = 0;
  inst.keep_exited_slots = o.keep_exited_slots;
  inst.inspect_final = [&](const agents::ClusterModel& model) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu0 = process_cpu_seconds();
    loop_cpu = cpu0 - inst.setup_cpu_s;
    peak_before_reference = proc_status_kib("VmHWM");
    ref_s = reference_loop(model.world(), o.ticks, reads, checksum);
    ref_cpu = process_cpu_seconds() - cpu0;
    for (sim::FirmIndex i = 0; i < model.world().firms.size(); ++i)
      firms_final += model.world().firms.alive[i];
    ties_final = boost::num_edges(model.world().network);
    // Where the memory is at the end: the firm slots (alive firms and those exited since the last
    // compaction; all firms ever created with --keep-exited-slots), the archive of compacted exits, the ties.
    slots_final = model.world().firms.size();
    created = model.world().firms.created();
    archived_bytes = model.world().exited.bytes();
    firm_bytes = model.world().firms.bytes();
    tie_bytes = model.world().network.heap_bytes();
    inspect_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    inspect_cpu = process_cpu_seconds() - cpu0;
  };
  // Where the peak RSS rises: after every phase, a rise of VmHWM since the last phase is that phase's; the
  // last rise names the phase (and month) the run's peak was reached in.
  std::vector<std::pair<std::string, double>> rises;  // phase, KiB, in first-rise order
  double hwm_seen = proc_status_kib("VmHWM");
  std::int32_t ticks_done = 0, last_rise_tick = 0;
  std::string last_rise_phase;
  inst.lap_hook = [&](std::string_view phase) {
    const double hwm = proc_status_kib("VmHWM");
    if (hwm <= hwm_seen) return;
    auto it = std::find_if(rises.begin(), rises.end(), [&](const auto& r) { return r.first == phase; });
    if (it == rises.end()) it = rises.insert(rises.end(), {std::string(phase), 0.0});
    it->second += hwm - hwm_seen;
    hwm_seen = hwm;
    last_rise_phase = phase;
    last_rise_tick = ticks_done + 1;
  };
  const auto t0 = std::chrono::steady_clock::now();
  run_scenario_into(
      *s, dir, {"bench", o.sets}, o.threads,
      [&](std::int32_t t, std::int32_t n) {
        ticks_done = t;
        std::fprintf(stderr, "progress %d %d\n", t, n);
        check_interrupted();
      },
      1, &inst);
  // The run's wall time, without the reference loop measured inside it.
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() - inspect_s;
  rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  nlohmann::json j;
  j["firms"] = o.child_size;
  j["ticks"] = o.ticks;
  j["threads"] = o.threads;
  j["wall_s"] = wall;
  j["cpu_s"] = process_cpu_seconds() - inspect_cpu;  // without the reference loop
  j["rss_start_kib"] = rss_start;
  j["peak_rss_kib"] = peak_before_reference > 0 ? peak_before_reference : static_cast<double>(ru.ru_maxrss);
  j["reference_s"] = ref_s;
  j["tick_loop_cpu_s"] = loop_cpu;
  j["reference_cpu_s"] = ref_cpu;
  j["reference_reads_per_firm_tick"] = reads;
  j["reference_checksum"] = checksum;
  j["final_firms"] = firms_final;
  j["final_ties"] = ties_final;
  j["final_firm_slots"] = slots_final;
  j["final_firms_created"] = created;
  j["final_exited_archive_bytes"] = archived_bytes;
  j["final_firm_array_bytes"] = firm_bytes;
  j["final_tie_storage_bytes"] = tie_bytes;
  std::stable_sort(rises.begin(), rises.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  j["peak_rss_rises"] = nlohmann::json::array();
  for (const auto& [phase, kib] : rises) j["peak_rss_rises"].push_back({{"phase", phase}, {"kib", kib}});
  // Tick 0 is setup (world, initial network, warm-up); ticks past the last are the final files.
  j["peak_rss_last_rise"] = {{"phase", last_rise_phase}, {"tick", last_rise_tick}};
  j["phases"] = phases_json(inst.clock);
  // The warm-up months run inside setup; their phases, apart, show what of setup is the model's months.
  j["warm_up_months"] = s->mechanisms.population.warmup_months;
  j["warm_up_phases"] = phases_json(inst.warm_up);
  // What the run wrote: at 1M firms the GraphML snapshots are gigabytes, and copying them into the page cache
  // is most of the observers' time (docs/PERFORMANCE.md, session 42).
  double output_bytes = 0.0, graphml_bytes = 0.0;
  std::int64_t graphml_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const auto size = static_cast<double>(e.file_size());
    output_bytes += size;
    if (e.path().extension() == ".graphml") {
      graphml_bytes += size;
      ++graphml_files;
    }
  }
  j["output_bytes"] = output_bytes;
  j["graphml_bytes"] = graphml_bytes;
  j["graphml_files"] = graphml_files;
  write_file(o.child_result, [&](std::ostream& out) { out << j.dump(2) << "\n"; });
  fs::remove_all(dir);
  return 0;
}

/** The last "progress T N" line of a child's log, or (0, 0). */
std::pair<long, long> last_progress(const fs::path& log) {
  std::ifstream in(log);
  std::string line;
  long t = 0, n = 0;
  while (std::getline(in, line))
    if (line.rfind("progress ", 0) == 0) std::sscanf(line.c_str(), "progress %ld %ld", &t, &n);
  return {t, n};
}

std::string fixed(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}
std::string sci(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", x);
  return buf;
}

/** Seconds of the model's tick loop: every phase except setup and the final files. */
double tick_seconds(const nlohmann::json& r) {
  double s = 0.0;
  for (const auto& p : r["phases"]) {
    const auto name = p["name"].get<std::string>();
    if (name.rfind("setup:", 0) != 0 && name != "output: files") s += p["seconds"].get<double>();
  }
  return s;
}

double phase_seconds(const nlohmann::json& r, const std::string& name) {
  for (const auto& p : r["phases"])
    if (p["name"] == name) return p["seconds"].get<double>();
  return 0.0;
}

/** The warm-up months inside setup and their phases, as seconds and shares of setup. Two numbers a row, not
 * the phase table's five, so scripts reading the phase table (scripts/phase_ratios.py) do not count them
 * twice. */
void print_warm_up(const nlohmann::json& r) {
  if (!r.contains("warm_up_phases") || r["warm_up_phases"].empty()) return;
  const double setup = phase_seconds(r, std::string(kSetupPhase));
  double warm = 0.0;
  for (const auto& p : r["warm_up_phases"]) warm += p["seconds"].get<double>();
  const auto share = [setup](double s) { return fixed(setup > 0.0 ? 100.0 * s / setup : 0.0, 1) + "%"; };
  std::cout << "warm-up            " << r["warm_up_months"].get<int>()
            << " months before month 1, inside setup: " << fixed(warm, 2) << " s of " << fixed(setup, 2)
            << " s (" << share(warm) << "); world, initial network and the rest of setup "
            << fixed(setup - warm, 2) << " s\n";
  std::cout << "  warm-up phase                            wall s  of setup\n";
  for (const auto& p : r["warm_up_phases"]) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-40s %8.3f  %7s\n", p["name"].get<std::string>().c_str(),
                  p["seconds"].get<double>(), share(p["seconds"].get<double>()).c_str());
    std::cout << buf;
  }
}

void print_size(const nlohmann::json& r) {
  const double firms = r["firms"].get<double>(), ticks = r["ticks"].get<double>(),
               wall = r["wall_s"].get<double>();
  const double loop = tick_seconds(r), peak = r["peak_rss_kib"].get<double>();
  std::cout << "== " << r["firms"].get<std::int64_t>() << " firms x " << r["ticks"].get<int>() << " ticks, "
            << r["threads"].get<unsigned>() << " thread(s)\n";
  std::cout << "wall time          " << fixed(wall, 2) << " s (setup "
            << fixed(phase_seconds(r, std::string(kSetupPhase)), 2) << " s, ticks " << fixed(loop, 2)
            << " s, final files " << fixed(phase_seconds(r, "output: files"), 2) << " s); cpu "
            << fixed(r["cpu_s"].get<double>(), 2) << " s\n";
  std::cout << "firm-ticks/s       " << sci(firms * ticks / wall) << " (whole run), "
            << sci(firms * ticks / loop) << " (tick loop), " << sci(firms * ticks / r["cpu_s"].get<double>())
            << " per CPU-second\n";
  std::cout << "peak RSS           " << fixed(peak / 1024.0, 1) << " MiB (VmHWM; "
            << fixed(r["rss_start_kib"].get<double>() / 1024.0, 1) << " MiB at start), "
            << fixed(peak * 1024.0 / firms, 0) << " bytes/firm ("
            << fixed((peak - r["rss_start_kib"].get<double>()) * 1024.0 / firms, 0)
            << " above the start); final: " << r["final_firms"].get<std::int64_t>() << " firms, "
            << r["final_ties"].get<std::int64_t>() << " ties\n";
  if (r.contains("final_firm_slots")) {
    const double slots = r["final_firm_slots"].get<double>(), fb = r["final_firm_array_bytes"].get<double>(),
                 tb = r["final_tie_storage_bytes"].get<double>();
    std::cout << "memory at the end  firm arrays " << fixed(fb / 1048576.0, 1) << " MiB ("
              << r["final_firm_slots"].get<std::int64_t>() << " slots, "
              << fixed(slots > 0 ? fb / slots : 0.0, 0) << " B each; " << fixed(fb / firms, 0)
              << " B per initial firm), tie storage " << fixed(tb / 1048576.0, 1) << " MiB ("
              << fixed(tb / firms, 0) << " B per initial firm)";
    if (r.contains("final_firms_created"))
      std::cout << ", exited-firm archive "
                << fixed(r["final_exited_archive_bytes"].get<double>() / 1048576.0, 1) << " MiB ("
                << r["final_firms_created"].get<std::int64_t>() << " firms created)";
    std::cout << "\n";
  }
  if (r.contains("output_bytes"))
    std::cout << "outputs written    " << fixed(r["output_bytes"].get<double>() / 1e6, 1)
              << " MB, of which GraphML snapshots " << fixed(r["graphml_bytes"].get<double>() / 1e6, 1)
              << " MB in " << r["graphml_files"].get<std::int64_t>() << " file(s)\n";
  if (r.contains("peak_rss_rises") && !r["peak_rss_rises"].empty()) {
    std::cout << "RSS rises in       ";
    std::size_t shown = 0;
    for (const auto& x : r["peak_rss_rises"]) {
      if (shown++ == 5) break;
      std::cout << (shown > 1 ? ", " : "") << x["phase"].get<std::string>() << " "
                << fixed(x["kib"].get<double>() / 1024.0, 1) << " MiB";
    }
    const auto& last = r["peak_rss_last_rise"];
    std::cout << "; the peak was reached in \"" << last["phase"].get<std::string>() << "\" of month "
              << last["tick"].get<int>() << "\n";
  }
  const double ref = r["reference_s"].get<double>();
  std::cout << "reference loop     " << fixed(ref, 4) << " s ("
            << fixed(r["reference_reads_per_firm_tick"].get<double>(), 2)
            << " neighbour reads per firm-tick); model / reference = " << fixed(ref > 0 ? loop / ref : 0.0, 1)
            << "\n";
  // CPU time does not count the time slices other processes took: the ratio to read on a shared machine.
  const double loop_cpu = r["tick_loop_cpu_s"].get<double>(), ref_cpu = r["reference_cpu_s"].get<double>();
  std::cout << "model / reference  in CPU time: tick loop " << fixed(loop_cpu, 2) << " s / reference loop "
            << fixed(ref_cpu, 4) << " s = " << fixed(ref_cpu > 0 ? loop_cpu / ref_cpu : 0.0, 1) << "\n";
  // Wall time and its share; CPU time of all threads and its share of the run's CPU; CPU time of the main
  // thread (the one running the sequential parts): CPU times are not inflated by other processes' slices.
  double cpu_total = 0.0;
  for (const auto& p : r["phases"]) cpu_total += p["cpu_seconds"].get<double>();
  std::cout << "phase                                      wall s   share    CPU s   share  main CPU s\n";
  for (const auto& p : r["phases"]) {
    const auto name = p["name"].get<std::string>();
    const double s = p["seconds"].get<double>(), cpu = p["cpu_seconds"].get<double>();
    char buf[200];
    std::snprintf(buf, sizeof buf, "  %-40s %8.3f  %5.1f%% %8.3f  %5.1f%%  %9.3f\n", name.c_str(), s,
                  100.0 * s / wall, cpu, cpu_total > 0.0 ? 100.0 * cpu / cpu_total : 0.0,
                  p["main_cpu_seconds"].get<double>());
    std::cout << buf;
  }
  print_warm_up(r);
  std::cout.flush();
}

int run_parent(BenchOptions o) {
  if (o.smoke) {
    o.sizes = {500, 2000};
    o.ticks = 12;
  }
  for (auto n : o.sizes)
    if (n < 1) {
      std::cerr << "error: --sizes: every size must be a positive number of firms, got " << n << "\n";
      return 2;
    }
  if (!bench_scenario(o, o.sizes.front())) return 2;  // bad scenario or --set: report before any child
  std::cout << "vicsim bench: "
            << (o.scenario.empty() ? "full model (one_plus_n.json + 5G + vouchers)" : o.scenario) << ", "
            << o.ticks << " ticks, " << o.threads << " thread(s), " << std::thread::hardware_concurrency()
            << " cores, load average " <<
      [] {
        std::ifstream in("/proc/loadavg");
        std::string a;
        in >> a;
        return a;
      }() << "\n";
  std::cout << "memory: " << heap_page_policy() << "\n";
  std::string tmpl = (fs::temp_directory_path() / "vicsim-bench.XXXXXX").string();  // honours TMPDIR
  const char* base = ::mkdtemp(tmpl.data());
  if (!base) throw std::runtime_error("mkdtemp failed");
  const fs::path tmp(base);
  std::vector<nlohmann::json> results;
  const std::string exe = fs::read_symlink("/proc/self/exe").string();
  try {
    for (auto n : o.sizes) {
      const fs::path dir = tmp / std::to_string(n);
      fs::create_directories(dir);
      std::vector<std::string> args{"bench",
                                    "--child-size",
                                    std::to_string(n),
                                    "--child-result",
                                    (dir / "result.json").string(),
                                    "--ticks",
                                    std::to_string(o.ticks),
                                    "--threads",
                                    std::to_string(o.threads)};
      if (!o.scenario.empty()) args.insert(args.end(), {"--scenario", o.scenario});
      if (o.keep_exited_slots) args.emplace_back("--keep-exited-slots");
      for (const auto& s : o.sets) args.insert(args.end(), {"--set", s});
      const pid_t pid = spawn_child(exe, args, dir / "log.txt");
      ProgressBar bar("bench " + std::to_string(n) + " firms");
      std::optional<ChildExit> done;
      while (!(done = poll_child(pid))) {
        if (g_interrupted) {
          stop_child(pid);
          throw Interrupted{};
        }
        const auto [t, total] = last_progress(dir / "log.txt");
        if (total > 0 && t < total) bar.update(t, total);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
      if (!done->ok()) {
        std::ifstream log(dir / "log.txt");
        std::string line;
        while (std::getline(log, line))
          if (line.rfind("progress ", 0) != 0) std::cerr << line << "\n";
        std::cerr << "error: bench at " << n << " firms: " << done->describe() << "\n";
        fs::remove_all(tmp);
        return 1;
      }
      std::ifstream in(dir / "result.json");
      results.push_back(nlohmann::json::parse(in));
      print_size(results.back());
    }
  } catch (...) {
    fs::remove_all(tmp);
    throw;
  }
  fs::remove_all(tmp);

  std::cout
      << "== all sizes\n"
      << "firms,ticks,threads,wall_s,tick_loop_s,cpu_s,firm_ticks_per_s,firm_ticks_per_cpu_s,peak_rss_mib,"
         "bytes_per_firm,"
         "model_bytes_per_firm,model_over_reference,simgrid_share,metrics_share,output_share,"
         "model_over_reference_cpu,output_mb\n";
  std::ostringstream summary;
  summary << "summary:";
  for (const auto& r : results) {
    const double firms = r["firms"].get<double>(), wall = r["wall_s"].get<double>(), loop = tick_seconds(r);
    double metrics = 0.0, output = 0.0;
    for (const auto& p : r["phases"]) {
      const auto name = p["name"].get<std::string>();
      if (name.rfind("metrics:", 0) == 0) metrics += p["seconds"].get<double>();
      if (name.rfind("output:", 0) == 0) output += p["seconds"].get<double>();
    }
    const double rate = firms * r["ticks"].get<double>() / wall;
    const double bytes = r["peak_rss_kib"].get<double>() * 1024.0 / firms;
    const double ratio = r["reference_s"].get<double>() > 0 ? loop / r["reference_s"].get<double>() : 0.0;
    const double simgrid = phase_seconds(r, "SimGrid infrastructure layer") / wall;
    const double ratio_cpu = r["reference_cpu_s"].get<double>() > 0
                                 ? r["tick_loop_cpu_s"].get<double>() / r["reference_cpu_s"].get<double>()
                                 : 0.0;
    std::cout << r["firms"].get<std::int64_t>() << ',' << r["ticks"].get<int>() << ','
              << r["threads"].get<unsigned>() << ',' << fixed(wall, 3) << ',' << fixed(loop, 3) << ','
              << fixed(r["cpu_s"].get<double>(), 3) << ',' << sci(rate) << ','
              << sci(firms * r["ticks"].get<double>() / r["cpu_s"].get<double>()) << ','
              << fixed(r["peak_rss_kib"].get<double>() / 1024.0, 1) << ',' << fixed(bytes, 0) << ','
              << fixed((r["peak_rss_kib"].get<double>() - r["rss_start_kib"].get<double>()) * 1024.0 / firms,
                       0)
              << ',' << fixed(ratio, 1) << ',' << fixed(simgrid, 4) << ',' << fixed(metrics / wall, 4) << ','
              << fixed(output / wall, 4) << ',' << fixed(ratio_cpu, 1) << ','
              << fixed(r.value("output_bytes", 0.0) / 1e6, 1) << "\n";
    summary << (&r == &results.front() ? " " : "; ") << r["firms"].get<std::int64_t>() << " firms "
            << fixed(wall, 1) << " s, " << sci(rate) << " firm-ticks/s ("
            << sci(firms * r["ticks"].get<double>() / r["cpu_s"].get<double>()) << " per CPU-s), "
            << fixed(bytes, 0) << " B/firm, model/reference " << fixed(ratio, 0) << " (CPU "
            << fixed(ratio_cpu, 0) << "), SimGrid " << fixed(100.0 * simgrid, 1) << "%";
  }
  if (results.size() >= 2) {
    const auto& a = results[results.size() - 2];
    const auto& b = results.back();
    summary << "; time(" << b["firms"].get<std::int64_t>() << ")/time(" << a["firms"].get<std::int64_t>()
            << ") = " << fixed(b["wall_s"].get<double>() / a["wall_s"].get<double>(), 2) << " (CPU "
            << fixed(b["cpu_s"].get<double>() / a["cpu_s"].get<double>(), 2) << ")";
  }
  summary << " (" << o.ticks << " ticks, " << o.threads << " thread(s))";
  std::cout << summary.str() << std::endl;
  return 0;
}

}  // namespace

Command add_bench_command(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  auto* cmd = app.add_subcommand("bench",
                                 "Benchmark the full model at several population sizes: firm-ticks/s, peak "
                                 "RSS, bytes per firm, time per phase (wall time, CPU time of all threads "
                                 "and CPU time of the main thread, each phase's share; on a shared machine "
                                 "read the CPU columns; the warm-up months inside setup get a table of "
                                 "their own), the bytes the run's outputs took (GraphML "
                                 "snapshots apart), and the ratio to a reference loop doing the same "
                                 "neighbour reads (docs/PERFORMANCE.md)");
  cmd->add_option("--sizes", o->sizes, "Initial firm counts, comma-separated (one child process each)")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--ticks", o->ticks, "Months per size")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--threads,-j", o->threads, "Worker threads of each run")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--smoke", o->smoke,
                "Tiny run for CI: sizes 500,2000 x 12 ticks (overrides --sizes, --ticks)");
  cmd->add_option(
      "--scenario", o->scenario,
      "Scenario file instead of the full model (one_plus_n.json plus the 5G and voucher policies)");
  cmd->add_option("--set", o->sets, "Scenario override path=value (repeatable), e.g. output.graphml=false");
  cmd->add_flag(
      "--keep-exited-slots", o->keep_exited_slots,
      "Keep exited firms' slots (no compaction): the same results with more memory, to measure what "
      "the compaction saves");
  cmd->add_option("--child-size", o->child_size)->group("");
  cmd->add_option("--child-result", o->child_result)->group("");
  return {cmd, [o] { return o->child_size > 0 ? run_child(*o) : run_parent(*o); }};
}

}  // namespace vicsim::app
