#include "reports/platform_hierarchy_svg.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <vector>

#include "reports/html_document.hpp"

namespace vicsim::reports {

namespace {
struct Node {
  std::string name, level, parent;
  bool alive = false, interconnected = false;
  double founded = -1, exited = -1, members = 0;
  double x = 0, y = 0;
};

int row_of(const std::string& level) {
  if (level == "middle") return 0;
  if (level == "regional") return 1;
  if (level == "industry") return 2;
  return 3;
}

std::string num(double x) {
  std::ostringstream s;
  s << std::lround(x);
  return s.str();
}
}  // namespace

std::string platform_hierarchy_svg(const CsvTable& t) {
  if (!t.has("platform") || !t.has("level") || !t.has("tick") || t.rows() == 0) return {};
  const auto ticks = t.numbers("tick");
  const double last = *std::max_element(ticks.begin(), ticks.end());
  const auto opt_numbers = [&](const char* c) {
    return t.has(c) ? t.numbers(c) : std::vector<double>(t.rows(), -1.0);
  };
  const auto names = t.texts("platform"), levels = t.texts("level");
  const auto parents = t.has("parent") ? t.texts("parent") : std::vector<std::string>(t.rows());
  const auto alive = opt_numbers("alive"), inter = opt_numbers("interconnected"),
             founded = opt_numbers("founded_tick"), exited = opt_numbers("exit_tick"),
             members = opt_numbers("members");
  std::vector<Node> nodes;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (ticks[r] != last) continue;
    nodes.push_back({names[r], levels[r], parents[r], alive[r] > 0.5, inter[r] > 0.5, founded[r], exited[r],
                     std::max(0.0, members[r])});
  }
  if (nodes.empty()) return {};
  // Rows by level, platforms in file order within a row, spread evenly over the width.
  constexpr double kWidth = 960, kRowH = 110, kTop = 40, kBoxW = 170, kBoxH = 46;
  std::map<int, std::vector<Node*>> rows;
  for (auto& n : nodes) rows[row_of(n.level)].push_back(&n);
  int row_index = 0;
  for (auto& [row, list] : rows) {
    for (std::size_t k = 0; k < list.size(); ++k) {
      list[k]->x = kWidth * (static_cast<double>(k) + 0.5) / static_cast<double>(list.size());
      list[k]->y = kTop + kRowH * row_index;
    }
    ++row_index;
  }
  const double height = kTop + kRowH * row_index;
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"platform-hierarchy\" role=\"img\" width=\""
    << kWidth << "\" height=\"" << height << "\" viewBox=\"0 0 " << kWidth << ' ' << height
    << "\" font-family=\"sans-serif\" font-size=\"11\">\n<title>Platform hierarchy at month " << num(last)
    << "</title>\n";
  const auto find = [&](const std::string& name) -> const Node* {
    for (const auto& n : nodes)
      if (n.name == name) return &n;
    return nullptr;
  };
  const Node* middle = nullptr;
  for (const auto& n : nodes)
    if (n.level == "middle" && n.alive) middle = &n;
  // Links first, so boxes sit on top: parent links solid, 1+N interconnection dotted.
  for (const auto& n : nodes) {
    if (const Node* p = n.parent.empty() ? nullptr : find(n.parent))
      s << "<line x1=\"" << n.x << "\" y1=\"" << n.y << "\" x2=\"" << p->x << "\" y2=\"" << p->y + kBoxH
        << "\" stroke=\"#4c78a8\" stroke-width=\"2\"/>\n";
    if (middle && &n != middle && n.interconnected)
      s << "<line x1=\"" << n.x << "\" y1=\"" << n.y << "\" x2=\"" << middle->x << "\" y2=\""
        << middle->y + kBoxH << "\" stroke=\"#f58518\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n";
  }
  for (const auto& n : nodes) {
    const std::string fill = n.alive ? (n.founded >= 0 ? "#e7f0fa" : "#f4f4f4") : "#ffffff";
    s << "<g><rect x=\"" << n.x - kBoxW / 2 << "\" y=\"" << n.y << "\" width=\"" << kBoxW << "\" height=\""
      << kBoxH << "\" rx=\"6\" fill=\"" << fill << "\" stroke=\"" << (n.alive ? "#333" : "#aaa") << "\""
      << (n.alive ? "" : " stroke-dasharray=\"4 3\"") << "/>\n";
    s << "<text x=\"" << n.x << "\" y=\"" << n.y + 17 << "\" text-anchor=\"middle\" fill=\""
      << (n.alive ? "#111" : "#888") << "\">"
      << html_escape(n.name.size() > 28 ? n.name.substr(0, 27) + "…" : n.name) << "</text>\n";
    std::string note = n.level + ", " + num(n.members) + " members";
    if (n.founded >= 0) note += ", founded m" + num(n.founded);
    if (n.exited >= 0) note += ", exited m" + num(n.exited);
    s << "<text x=\"" << n.x << "\" y=\"" << n.y + 34
      << "\" text-anchor=\"middle\" fill=\"#555\" font-size=\"10\">" << html_escape(note) << "</text></g>\n";
  }
  s << "</svg>\n";
  return s.str();
}

}  // namespace vicsim::reports
