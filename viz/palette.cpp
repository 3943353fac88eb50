#include "viz/palette.hpp"

#include <bit>

namespace vicsim::viz {

namespace {

const sf::Color kTableau[] = {{78, 121, 167}, {242, 142, 43}, {225, 87, 89},   {118, 183, 178},
                              {89, 161, 79},  {237, 201, 72}, {176, 122, 161}, {255, 157, 167},
                              {156, 117, 95}, {186, 176, 172}};
const sf::Color kOkabeIto[] = {{230, 159, 0}, {86, 180, 233}, {0, 158, 115},  {240, 228, 66},
                               {0, 114, 178}, {213, 94, 0},   {204, 121, 167}};
const sf::Color kPlatforms[] = {{0, 200, 255},   {255, 90, 200}, {170, 255, 60}, {255, 200, 0},
                                {150, 120, 255}, {255, 120, 80}, {0, 230, 170},  {230, 230, 230}};

}  // namespace

sf::Color edge_colour(EdgeClass c) {
  switch (c) {
    case EdgeClass::Local:
      return {150, 162, 182, 80};
    case EdgeClass::CrossRegion:
      return {255, 176, 64, 90};
    case EdgeClass::Platform:
      return {40, 215, 255, 120};
  }
  return sf::Color::White;
}

std::string edge_label(EdgeClass c) {
  switch (c) {
    case EdgeClass::Local:
      return "local tie";
    case EdgeClass::CrossRegion:
      return "cross-regional tie";
    case EdgeClass::Platform:
      return "platform-mediated tie";
  }
  return "?";
}

sf::Color region_colour(std::size_t i) { return kTableau[i % std::size(kTableau)]; }
sf::Color industry_colour(std::size_t i) { return kOkabeIto[i % std::size(kOkabeIto)]; }
sf::Color platform_colour(std::size_t i) { return kPlatforms[i % std::size(kPlatforms)]; }
sf::Color pane_accent(std::size_t i) { return i == 0 ? sf::Color{110, 170, 255} : sf::Color{255, 120, 170}; }

sf::Color node_colour(ColourMode mode, const ViewNode& n) {
  switch (mode) {
    case ColourMode::Region:
      return region_colour(static_cast<std::size_t>(std::max(n.region, 0)));
    case ColourMode::Industry:
      return industry_colour(static_cast<std::size_t>(std::max(n.industry, 0)));
    case ColourMode::Platform:
      if (n.platforms == 0) return kNoPlatform;
      if (std::popcount(n.platforms) > 1) return kMultiHoming;
      return platform_colour(static_cast<std::size_t>(std::countr_zero(n.platforms)));
    case ColourMode::Adoption:
      return n.adopted ? kAdopted : kNotAdopted;
  }
  return sf::Color::White;
}

std::vector<LegendEntry> legend_entries(ColourMode mode, const RunInfo& info, const ViewFrame& frame) {
  std::vector<LegendEntry> out;
  switch (mode) {
    case ColourMode::Region:
      for (std::size_t i = 0; i < info.regions.size(); ++i)
        out.push_back({region_colour(i), info.regions[i].name});
      break;
    case ColourMode::Industry:
      for (std::size_t i = 0; i < info.industries.size(); ++i)
        out.push_back({industry_colour(i), info.industries[i]});
      break;
    case ColourMode::Platform:
      for (std::size_t i = 0; i < frame.platforms.size(); ++i)
        if (frame.platforms[i].alive) out.push_back({platform_colour(i), frame.platforms[i].name});
      out.push_back({kMultiHoming, "several platforms"});
      out.push_back(
          {kNoPlatform, frame.platforms.empty() ? "no platform (none in this run)" : "no platform"});
      break;
    case ColourMode::Adoption:
      out.push_back({kAdopted, "on the cloud"});
      out.push_back({kNotAdopted, info.has_adoption ? "offline" : "offline (no adoption data)"});
      break;
  }
  return out;
}

}  // namespace vicsim::viz
