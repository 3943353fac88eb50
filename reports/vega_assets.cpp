#include "reports/vega_assets.hpp"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#ifndef VICSIM_VEGA_DIR
#define VICSIM_VEGA_DIR ""
#endif

namespace vicsim::reports {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string package_version(const fs::path& package_dir) {
  try {
    return nlohmann::json::parse(slurp(package_dir / "package.json")).value("version", "unknown");
  } catch (const nlohmann::json::exception&) {
    return "unknown";
  }
}

bool complete(const fs::path& dir) {
  return fs::is_regular_file(dir / "vega/build/vega.min.js") &&
         fs::is_regular_file(dir / "vega-lite/build/vega-lite.min.js") &&
         fs::is_regular_file(dir / "vega-embed/build/vega-embed.min.js");
}

}  // namespace

std::vector<fs::path> vega_asset_search_path() {
  if (const char* env = std::getenv("VICSIM_VEGA_DIR"); env && *env) return {fs::path(env)};
  std::vector<fs::path> dirs;
  if (*VICSIM_VEGA_DIR) dirs.emplace_back(VICSIM_VEGA_DIR);
  return dirs;
}

VegaAssets load_vega_assets() {
  const auto dirs = vega_asset_search_path();
  for (const auto& d : dirs) {
    if (!complete(d)) continue;
    VegaAssets a;
    a.node_modules = d;
    a.vega = slurp(d / "vega/build/vega.min.js");
    a.vega_lite = slurp(d / "vega-lite/build/vega-lite.min.js");
    a.vega_embed = slurp(d / "vega-embed/build/vega-embed.min.js");
    a.vega_version = package_version(d / "vega");
    a.vega_lite_version = package_version(d / "vega-lite");
    a.vega_embed_version = package_version(d / "vega-embed");
    return a;
  }
  std::string where;
  for (const auto& d : dirs) where += "\n  " + d.string();
  if (where.empty()) where = "\n  (none: this build has no default and VICSIM_VEGA_DIR is not set)";
  throw VegaAssetsMissing(
      "the chart libraries (vega, vega-lite, vega-embed browser builds) were not found in:" + where +
      "\nInstall them with 'bash scripts/setup.sh' (npm ci in third_party/vega), or point VICSIM_VEGA_DIR "
      "at a node_modules directory that holds vega/build/vega.min.js, vega-lite/build/vega-lite.min.js and "
      "vega-embed/build/vega-embed.min.js.");
}

}  // namespace vicsim::reports
