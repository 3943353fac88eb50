#include "viz/graphml_reader.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace vicsim::viz {

namespace pt = boost::property_tree;

namespace {

Attributes read_data(const pt::ptree& element, const std::unordered_map<std::string, std::string>& keys) {
  Attributes a;
  for (const auto& [tag, child] : element) {
    if (tag != "data") continue;
    const auto key = child.get<std::string>("<xmlattr>.key", "");
    const auto it = keys.find(key);
    a[it == keys.end() ? key : it->second] = child.get_value<std::string>();
  }
  return a;
}

}  // namespace

GraphmlGraph parse_graphml(const std::string& text, const std::string& name) {
  pt::ptree doc;
  try {
    std::istringstream in(text);
    pt::read_xml(in, doc);
  } catch (const pt::xml_parser_error& e) {
    throw GraphmlError(name + ": not valid XML: " + e.message() + " (line " + std::to_string(e.line()) + ")");
  }
  const auto root = doc.get_child_optional("graphml");
  if (!root) throw GraphmlError(name + ": no <graphml> element");
  std::unordered_map<std::string, std::string> keys;
  for (const auto& [tag, child] : *root)
    if (tag == "key")
      // "attr.name" contains the default path separator, so address it with '/'.
      keys[child.get<std::string>("<xmlattr>.id", "")] =
          child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.name", '/'), "");
  const auto graph = root->get_child_optional("graph");
  if (!graph) throw GraphmlError(name + ": no <graph> element");
  GraphmlGraph g;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& [tag, child] : *graph)
    if (tag == "node") {
      index[child.get<std::string>("<xmlattr>.id", "")] = g.nodes.size();
      g.nodes.push_back(read_data(child, keys));
    }
  for (const auto& [tag, child] : *graph) {
    if (tag != "edge") continue;
    const auto s = index.find(child.get<std::string>("<xmlattr>.source", ""));
    const auto t = index.find(child.get<std::string>("<xmlattr>.target", ""));
    if (s == index.end() || t == index.end()) throw GraphmlError(name + ": an edge names an unknown node");
    g.edges.push_back({s->second, t->second, read_data(child, keys)});
  }
  return g;
}

GraphmlGraph read_graphml_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GraphmlError(path.string() + ": cannot open file for reading");
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_graphml(buf.str(), path.string());
}

}  // namespace vicsim::viz
