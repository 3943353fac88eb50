#pragma once
/** @file A tolerant GraphML reader: every attribute is kept as text under its attr.name, so snapshots
 * written by other vicsim versions (with more or fewer attributes, or other attribute types) still load. */
#include <cstddef>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace vicsim::viz {

/** @brief Thrown for an unreadable or malformed GraphML file; the message names the file. */
struct GraphmlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief Attribute name → value text. */
using Attributes = std::map<std::string, std::string>;

/** @brief A GraphML graph: nodes in file order, edges as node indices. */
struct GraphmlGraph {
  std::vector<Attributes> nodes;
  struct Edge {
    std::size_t source = 0, target = 0;
    Attributes attrs;
  };
  std::vector<Edge> edges;
};

/** @brief Reads a GraphML document from text; `name` is used in error messages. */
GraphmlGraph parse_graphml(const std::string& text, const std::string& name);

/** @brief Reads a GraphML file. */
GraphmlGraph read_graphml_file(const std::filesystem::path& path);

}  // namespace vicsim::viz
