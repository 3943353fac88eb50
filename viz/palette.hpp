#pragma once
/** @file Colours: categorical palettes for regions, industries and platforms, adoption states, tie
 * classes and the two panes of a split screen; plus the legend entries of each colour mode. */
#include <SFML/Graphics/Color.hpp>
#include <string>
#include <vector>

#include "viz/view_model.hpp"
#include "viz/view_state.hpp"

namespace vicsim::viz {

/** @brief Background, panel and text colours of the theme. */
namespace theme {
inline const sf::Color kBackground{17, 21, 28};
inline const sf::Color kPaneBackground{22, 27, 36};
inline const sf::Color kPanel{30, 35, 46};
inline const sf::Color kText{232, 236, 242};
inline const sf::Color kMutedText{150, 160, 176};
inline const sf::Color kGrid{60, 68, 84};
inline const sf::Color kHighlight{255, 255, 255};
}  // namespace theme

/** @brief Colour of a tie class (alpha included). */
sf::Color edge_colour(EdgeClass c);
/** @brief Legend label of a tie class. */
std::string edge_label(EdgeClass c);

/** @brief The i-th colour of the region palette (Tableau 10, cycled). */
sf::Color region_colour(std::size_t i);
/** @brief The i-th colour of the industry palette (Okabe–Ito, cycled). */
sf::Color industry_colour(std::size_t i);
/** @brief The i-th colour of the platform palette. */
sf::Color platform_colour(std::size_t i);
/** @brief Accent of split-screen pane i (titles, chart lines). */
sf::Color pane_accent(std::size_t i);

/** @brief Colour of firms on several platforms, on none, and adopted or not. */
inline const sf::Color kMultiHoming{255, 255, 255};
inline const sf::Color kNoPlatform{105, 114, 130};
inline const sf::Color kAdopted{90, 220, 120};
inline const sf::Color kNotAdopted{105, 114, 130};

/** @brief A node's colour in the given mode. */
sf::Color node_colour(ColourMode mode, const ViewNode& n);

/** @brief One legend row: a swatch and its label. */
struct LegendEntry {
  sf::Color colour;
  std::string label;
};

/** @brief The legend rows for a colour mode (regions, industries, platforms or adoption states). */
std::vector<LegendEntry> legend_entries(ColourMode mode, const RunInfo& info, const ViewFrame& frame);

}  // namespace vicsim::viz
