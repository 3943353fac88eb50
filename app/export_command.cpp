// `vicsim export DIR`: files for users' own tools: a dynamic GEXF graph (Gephi's timeline), tidy (long)
// CSV for R and pandas, and a GraphML snapshot. Each file is written atomically.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "app/commands.hpp"
#include "reports/atomic_file.hpp"
#include "reports/csv_table.hpp"
#include "reports/gexf_writer.hpp"
#include "reports/graphml_snapshot.hpp"
#include "reports/output_directory.hpp"
#include "reports/report_input_error.hpp"
#include "reports/run_directory.hpp"
#include "reports/tidy_csv.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  std::string source, gexf, tidy, graphml;
  std::optional<std::int32_t> tick;
  bool force = false;
};

/** The table a tidy export melts: the time series of a run or comparison, else a sweep's results. */
fs::path tidy_source(const fs::path& dir) {
  for (const char* f : {"timeseries.csv", "results.csv"})
    if (fs::is_regular_file(dir / f)) return dir / f;
  throw reports::ReportInputError(
      dir.string() + ": no timeseries.csv or results.csv (expected a run, comparison or sweep directory)");
}

std::vector<std::pair<std::int32_t, fs::path>> snapshots_of(const fs::path& dir) {
  auto s = reports::list_snapshots(dir);
  if (s.empty())
    throw reports::ReportInputError(
        dir.string() +
        ": no network/tick_NNNN.graphml snapshots (expected a run directory; for a "
        "comparison use one of its runs/<arm>/rep_NNN directories)");
  return s;
}

int run_export(const ExportOptions& o) {
  const fs::path dir = o.source;
  if (!fs::is_directory(dir)) {
    std::cerr << "error: " << o.source << ": not a directory\n";
    return 2;
  }
  if (o.gexf.empty() && o.tidy.empty() && o.graphml.empty()) {
    std::cerr << "error: nothing to export: give --gexf FILE, --tidy-csv FILE and/or --graphml FILE\n";
    return 2;
  }
  // Two outputs on one path would leave only the second; an output inside the source directory could replace
  // the very file it is made from (timeseries.csv), even with --force.
  const std::vector<std::pair<const char*, std::string>> outputs = {
      {"--gexf", o.gexf}, {"--tidy-csv", o.tidy}, {"--graphml", o.graphml}};
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i].second.empty()) continue;
    const fs::path p = reports::OutputDirectory::normalise(outputs[i].second);
    for (std::size_t j = 0; j < i; ++j)
      if (!outputs[j].second.empty() && reports::OutputDirectory::normalise(outputs[j].second) == p) {
        std::cerr << "error: " << outputs[i].first << " " << outputs[i].second << ": the same file as "
                  << outputs[j].first << "; give each output its own file\n";
        return 2;
      }
    if (reports::OutputDirectory::within(p, o.source)) {
      std::cerr << "error: " << outputs[i].first << " " << outputs[i].second << ": inside the directory "
                << o.source << " it is exported from; write it elsewhere\n";
      return 2;
    }
    if (fs::is_directory(p)) {
      std::cerr << "error: " << outputs[i].first << " " << outputs[i].second
                << ": is a directory; expected a file\n";
      return 2;
    }
  }
  for (const auto& out : {o.gexf, o.tidy, o.graphml})
    if (!out.empty() && fs::exists(out) && !o.force) {
      std::cerr << "error: " << out << ": file exists (use --force to replace it)\n";
      return 2;
    }
  try {
    // Read and check everything before writing anything.
    std::vector<reports::NetworkSnapshot> snaps;
    if (!o.gexf.empty())
      for (const auto& [t, p] : snapshots_of(dir)) snaps.push_back(reports::read_snapshot(p, t));
    std::optional<reports::CsvTable> table;
    if (!o.tidy.empty()) {
      table = reports::CsvTable::read(tidy_source(dir));
      if (table->rows() == 0)
        throw reports::ReportInputError(table->source() + ": no rows to export (a truncated run or sweep?)");
    }
    fs::path graphml;
    if (!o.graphml.empty()) {
      const auto all = snapshots_of(dir);
      graphml = all.back().second;
      if (o.tick) {
        graphml.clear();
        for (const auto& [t, p] : all)
          if (t == *o.tick) graphml = p;
        if (graphml.empty())
          throw reports::ReportInputError(dir.string() + ": no snapshot for --tick " +
                                          std::to_string(*o.tick));
      }
    }
    if (!o.gexf.empty()) {
      reports::write_file_atomically(o.gexf, [&](std::ostream& f) {
        reports::write_dynamic_gexf(f, snaps,
                                    "vicsim network of " + dir.string() + ", " +
                                        std::to_string(snaps.size()) + " snapshots; time in months");
      });
      std::cerr << "wrote " << o.gexf << ": " << snaps.size() << " snapshots\n";
    }
    if (table) {
      // A sweep's factors stay columns of their own: sweep.json names them.
      std::set<std::string> factors;
      if (fs::is_regular_file(dir / "sweep.json")) {
        const auto man = reports::read_json_file(dir / "sweep.json");
        for (const auto& f : man.value("factors", nlohmann::json::array()))
          if (f.is_object() && f.contains("name") && f["name"].is_string())
            factors.insert(f["name"].get<std::string>());
      }
      reports::write_file_atomically(o.tidy,
                                     [&](std::ostream& f) { reports::write_tidy_csv(f, *table, factors); });
      std::cerr << "wrote " << o.tidy << " (long form of " << table->source() << ")\n";
    }
    if (!graphml.empty()) {
      reports::write_file_atomically(o.graphml, [&](std::ostream& f) {
        std::ifstream in(graphml, std::ios::binary);
        f << in.rdbuf();
      });
      std::cerr << "wrote " << o.graphml << " (" << graphml.filename().string() << ")\n";
    }
  } catch (const reports::ReportInputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd =
      app.add_subcommand("export", "Export a run, comparison or sweep directory for Gephi, R or pandas");
  cmd->add_option("dir", o->source,
                  "Run directory (GEXF, GraphML) or run, comparison or sweep directory (CSV)")
      ->required();
  cmd->add_option("--gexf", o->gexf, "Dynamic GEXF graph with the time dimension, from network/*.graphml");
  cmd->add_option("--tidy-csv", o->tidy, "Long CSV (ids..., metric, value) of timeseries.csv or results.csv");
  cmd->add_option("--graphml", o->graphml, "Copy of one GraphML snapshot (the last unless --tick)");
  cmd->add_option("--tick", o->tick, "Snapshot month for --graphml");
  cmd->add_flag("--force", o->force, "Replace existing files");
  return {cmd, [o] { return run_export(*o); }};
}

}  // namespace vicsim::app
