#pragma once
/** @file Translates SFML events into the viewer's display-independent input events. */
#include <SFML/Window/Event.hpp>
#include <optional>

#include "viz/view_state.hpp"

namespace vicsim::viz {

/** @brief The InputEvent for an SFML event, or nullopt for events the viewer ignores. */
std::optional<InputEvent> translate_event(const sf::Event& e);

}  // namespace vicsim::viz
