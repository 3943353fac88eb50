#include "viz/replay_source.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "reports/csv_table.hpp"
#include "reports/report_input_error.hpp"
#include "viz/world_view.hpp"

namespace vicsim::viz {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw NotARunDirectory(p.string() + ": cannot open file for reading");
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

bool truthy(const std::string& s) { return s == "1" || s == "true" || s == "True" || s == "platform"; }

double number_or(const Attributes& a, const std::string& key, double fallback) {
  const auto it = a.find(key);
  if (it == a.end()) return fallback;
  try {
    return std::stod(it->second);
  } catch (const std::exception&) {
    return fallback;
  }
}

std::string text_or(const Attributes& a, const std::string& key, const std::string& fallback = "") {
  const auto it = a.find(key);
  return it == a.end() ? fallback : it->second;
}

std::int32_t index_in(std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end()) return static_cast<std::int32_t>(it - names.begin());
  names.push_back(name);
  return static_cast<std::int32_t>(names.size() - 1);
}

}  // namespace

ReplaySource::ReplaySource(const fs::path& dir) : dir_(dir) {
  if (!fs::is_directory(dir)) throw NotARunDirectory(dir.string() + ": not a directory");
  for (const char* f : {"scenario.resolved.json", "timeseries.csv"})
    if (!fs::is_regular_file(dir / f))
      throw NotARunDirectory(dir.string() + ": not a run directory (no " + f +
                             "; make one with `vicsim run SCENARIO.json --out DIR`)");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read_text(dir / "scenario.resolved.json"));
  } catch (const nlohmann::json::parse_error& e) {
    throw NotARunDirectory((dir / "scenario.resolved.json").string() + ": invalid JSON: " + e.what());
  }
  info_ = run_info_of_json(doc, dir.string());
  if (doc.contains("platforms") && doc["platforms"].is_array())
    for (const auto& p : doc["platforms"]) {
      ViewPlatform vp;
      vp.name = p.value("name", std::string("platform ") + std::to_string(platforms_.size()));
      vp.level = p.value("level", std::string());
      if (p.contains("host_region") && p["host_region"].is_string()) {
        const auto name = p["host_region"].get<std::string>();
        for (std::size_t r = 0; r < info_.regions.size(); ++r)
          if (info_.regions[r].name == name) vp.host_region = static_cast<std::int32_t>(r);
      }
      platform_names_.push_back(vp.name);
      platforms_.push_back(vp);
    }

  reports::CsvTable ts;
  try {
    ts = reports::CsvTable::parse(read_text(dir / "timeseries.csv"), (dir / "timeseries.csv").string());
  } catch (const reports::ReportInputError& e) {  // the viewer reports bad run directories, exit code 2
    throw NotARunDirectory(e.what());
  }
  const auto tick_col = ts.index("tick");
  if (!tick_col || ts.rows() == 0)
    throw NotARunDirectory((dir / "timeseries.csv").string() + ": no 'tick' column or no rows");
  const auto col = [&](const char* name) { return ts.index(name); };
  const auto firms = col("firms"), output = col("output"), real_output = col("real_output"),
             cross = col("cross_region_tie_share"), stage = col("stage_name"),
             path = col("platform_path_stage_name"), eco = col("ecosystem_stage_name");
  const auto adoption = col("adoption_share") ? col("adoption_share") : col("cloud_adoption_share");
  info_.has_adoption = adoption.has_value();
  for (std::size_t r = 0; r < ts.rows(); ++r) {
    KpiRow k;
    k.tick = static_cast<std::int32_t>(ts.number(r, *tick_col));
    k.firms = firms ? ts.number(r, *firms) : NAN;
    k.output = output ? ts.number(r, *output) : NAN;
    k.real_output = real_output ? ts.number(r, *real_output) : NAN;
    k.cross_region_tie_share = cross ? ts.number(r, *cross) : NAN;
    k.adoption_share = adoption ? ts.number(r, *adoption) : NAN;
    k.stage = stage ? stage_display_name(ts.text(r, *stage)) : "";
    k.platform_path_stage = path ? stage_display_name(ts.text(r, *path)) : "";
    k.platform_stage = eco ? stage_display_name(ts.text(r, *eco)) : "";
    kpis_.push_back(std::move(k));
  }
  first_ = kpis_.front().tick;
  last_ = kpis_.back().tick;
  if (info_.ticks < last_) info_.ticks = last_;

  const std::regex name_re("tick_([0-9]+)\\.graphml");
  if (fs::is_directory(dir / "network"))
    for (const auto& e : fs::directory_iterator(dir / "network")) {
      std::smatch m;
      const auto name = e.path().filename().string();
      if (std::regex_match(name, m, name_re)) snapshot_files_[std::stoi(m[1])] = e.path();
    }
  seek(first_);
}

std::vector<std::int32_t> ReplaySource::snapshot_ticks() const {
  std::vector<std::int32_t> t;
  for (const auto& [k, v] : snapshot_files_) t.push_back(k);
  return t;
}

bool ReplaySource::seek(std::int32_t tick) {
  tick = std::clamp(tick, first_, last_);
  if (tick == frame_.tick && !frame_.nodes.empty()) return false;
  frame_ = snapshot(tick);
  frame_.tick = tick;
  return true;
}

const ViewFrame& ReplaySource::snapshot(std::int32_t tick) {
  static const ViewFrame empty{0, -1, {}, {}, {}};
  if (snapshot_files_.empty()) return empty;
  // The newest snapshot at or before `tick`; before the first snapshot, the first one.
  auto it = snapshot_files_.upper_bound(tick);
  if (it != snapshot_files_.begin()) --it;
  auto done = loaded_.find(it->first);
  if (done == loaded_.end())
    done = loaded_.emplace(it->first, convert(read_graphml_file(it->second), it->first)).first;
  return done->second;
}

ViewFrame ReplaySource::convert(const GraphmlGraph& g, std::int32_t tick) {
  ViewFrame v;
  v.tick = tick;
  v.network_tick = tick;
  std::vector<std::string> regions, industries;
  for (const auto& r : info_.regions) regions.push_back(r.name);
  industries = info_.industries;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const auto& a = g.nodes[i];
    ViewNode n;
    n.id = static_cast<std::int64_t>(number_or(a, "firm_id", static_cast<double>(i)));
    n.region = index_in(regions, text_or(a, "region", "?"));
    n.industry = index_in(industries, text_or(a, "industry", "?"));
    n.stage = text_or(a, "stage");
    n.employees = number_or(a, "employees", 1.0);
    n.productivity = number_or(a, "productivity", 1.0);
    n.chain_master = truthy(text_or(a, "chain_master"));
    n.adopted = truthy(text_or(a, "adopted"));
    if (a.count("adopted")) info_.has_adoption = true;
    // Memberships: semicolon-separated platform indices (or names).
    std::stringstream ps(text_or(a, "platforms"));
    for (std::string p; std::getline(ps, p, ';');) {
      if (p.empty()) continue;
      std::int32_t k = -1;
      if (std::all_of(p.begin(), p.end(), ::isdigit)) {
        k = std::stoi(p);
        while (static_cast<std::int32_t>(platforms_.size()) <= k) {
          platform_names_.push_back("platform " + std::to_string(platforms_.size()));
          platforms_.push_back({platform_names_.back(), "", -1, -1, 0, true});
        }
      } else {
        k = index_in(platform_names_, p);
        if (platforms_.size() < platform_names_.size()) platforms_.push_back({p, "", -1, -1, 0, true});
      }
      if (k >= 0 && k < 32) n.platforms |= 1u << k;
    }
    v.nodes.push_back(std::move(n));
  }
  for (std::size_t r = info_.regions.size(); r < regions.size(); ++r) info_.regions.push_back({regions[r]});
  info_.industries = industries;
  for (const auto& e : g.edges) {
    const auto& a = v.nodes[e.source];
    const auto& b = v.nodes[e.target];
    v.edges.push_back({static_cast<std::uint32_t>(e.source), static_cast<std::uint32_t>(e.target),
                       classify_edge(a.region, b.region, truthy(text_or(e.attrs, "channel"))),
                       text_or(e.attrs, "kind", "supply") != "collaboration"});
  }
  v.platforms = platforms_;
  for (auto& p : v.platforms) p.members = 0;
  for (const auto& n : v.nodes)
    for (std::size_t p = 0; p < v.platforms.size(); ++p)
      if ((n.platforms >> p) & 1u) ++v.platforms[p].members;
  return v;
}

}  // namespace vicsim::viz
