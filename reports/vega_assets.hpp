#pragma once
/** @file The browser builds of Vega, Vega-Lite and vega-embed that a report inlines, so it works offline. */
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace vicsim::reports {

/** @brief Thrown when the JavaScript libraries cannot be found; the message says how to install them. */
struct VegaAssetsMissing : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief The minified libraries' text and versions. */
struct VegaAssets {
  std::filesystem::path node_modules;  ///< where they were found
  std::string vega, vega_lite, vega_embed;
  std::string vega_version, vega_lite_version, vega_embed_version;
};

/** @brief The directories searched for node_modules/{vega,vega-lite,vega-embed}: $VICSIM_VEGA_DIR if set
 * (and then only it), else the directory baked in at build time (third_party/vega/node_modules). */
std::vector<std::filesystem::path> vega_asset_search_path();

/** @brief Loads vega.min.js, vega-lite.min.js and vega-embed.min.js; throws VegaAssetsMissing. */
VegaAssets load_vega_assets();

}  // namespace vicsim::reports
