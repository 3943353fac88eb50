#pragma once
/** @file Whether an X display is reachable: SFML aborts the process when it cannot open one, so the
 * viewer asks first and turns "no display" into a clear message. */
namespace vicsim::viz {

/** @brief True if the X display named by $DISPLAY can be opened. */
bool display_available();

}  // namespace vicsim::viz
