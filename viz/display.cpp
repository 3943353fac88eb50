#include "viz/display.hpp"

#include <X11/Xlib.h>

#include <cstdlib>

namespace vicsim::viz {

bool display_available() {
  const char* name = std::getenv("DISPLAY");
  if (!name || !*name) return false;
  Display* d = XOpenDisplay(nullptr);
  if (!d) return false;
  XCloseDisplay(d);
  return true;
}

}  // namespace vicsim::viz
