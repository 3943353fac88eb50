#include "reports/graphml_snapshot.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <fstream>
#include <regex>

#include "reports/report_input_error.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;

std::vector<std::pair<std::int32_t, fs::path>> list_snapshots(const fs::path& run_dir) {
  std::vector<std::pair<std::int32_t, fs::path>> out;
  const fs::path net = run_dir / "network";
  std::error_code ec;
  if (!fs::is_directory(net, ec)) return out;
  static const std::regex name(R"(tick_(\d+)\.graphml)");
  for (const auto& e : fs::directory_iterator(net, ec)) {
    std::smatch m;
    const std::string file = e.path().filename().string();
    if (e.is_regular_file() && std::regex_match(file, m, name))
      out.emplace_back(static_cast<std::int32_t>(std::stol(m[1].str())), e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

NetworkSnapshot read_snapshot(const fs::path& file, std::int32_t tick) {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, SnapshotNode, SnapshotEdge>;
  G g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("firm_id", boost::get(&SnapshotNode::firm_id, g));
  dp.property("label", boost::get(&SnapshotNode::label, g));
  dp.property("region", boost::get(&SnapshotNode::region, g));
  dp.property("industry", boost::get(&SnapshotNode::industry, g));
  dp.property("stage", boost::get(&SnapshotNode::stage, g));
  dp.property("employees", boost::get(&SnapshotNode::employees, g));
  dp.property("productivity", boost::get(&SnapshotNode::productivity, g));
  dp.property("chain_master", boost::get(&SnapshotNode::chain_master, g));
  dp.property("platforms", boost::get(&SnapshotNode::platforms, g));
  dp.property("adopted", boost::get(&SnapshotNode::adopted, g));
  dp.property("x", boost::get(&SnapshotNode::x, g));
  dp.property("y", boost::get(&SnapshotNode::y, g));
  dp.property("kind", boost::get(&SnapshotEdge::kind, g));
  dp.property("channel", boost::get(&SnapshotEdge::channel, g));
  dp.property("local", boost::get(&SnapshotEdge::local, g));
  dp.property("cross_industry", boost::get(&SnapshotEdge::cross_industry, g));
  dp.property("trust", boost::get(&SnapshotEdge::trust, g));
  dp.property("distance_km", boost::get(&SnapshotEdge::distance_km, g));
  std::ifstream in(file);
  if (!in) throw ReportInputError(file.string() + ": cannot open for reading");
  try {
    boost::read_graphml(in, g, dp);
  } catch (const std::exception& e) {
    throw ReportInputError(file.string() + ": not a readable GraphML file: " + e.what());
  }
  NetworkSnapshot s;
  s.tick = tick;
  s.nodes.reserve(boost::num_vertices(g));
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    s.nodes.push_back(g[v]);
    if (s.nodes.back().firm_id < 0) s.nodes.back().firm_id = static_cast<int>(v);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    SnapshotEdge edge = g[*e];
    edge.source = boost::source(*e, g);
    edge.target = boost::target(*e, g);
    s.edges.push_back(std::move(edge));
  }
  return s;
}

}  // namespace vicsim::reports
