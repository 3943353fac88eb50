#include "viz/sfml_input.hpp"

namespace vicsim::viz {

namespace {

Key translate_key(sf::Keyboard::Key k) {
  using K = sf::Keyboard;
  switch (k) {
    case K::Space:
      return Key::Space;
    case K::Right:
      return Key::Right;
    case K::Left:
      return Key::Left;
    case K::Up:
      return Key::Up;
    case K::Down:
      return Key::Down;
    case K::Home:
      return Key::Home;
    case K::End:
      return Key::End;
    case K::Add:
    case K::Equal:
      return Key::Plus;
    case K::Subtract:
    case K::Hyphen:
      return Key::Minus;
    case K::Period:
      return Key::Period;
    case K::Comma:
      return Key::Comma;
    case K::L:
      return Key::L;
    case K::C:
      return Key::C;
    case K::R:
      return Key::R;
    case K::I:
      return Key::I;
    case K::P:
      return Key::P;
    case K::S:
    case K::F12:
      return Key::S;
    case K::F:
      return Key::F;
    case K::H:
    case K::F1:
      return Key::H;
    case K::M:
      return Key::M;
    case K::Q:
      return Key::Q;
    case K::Escape:
      return Key::Escape;
    case K::Num0:
    case K::Numpad0:
      return Key::Num0;
    default:
      break;
  }
  if (k >= K::Num1 && k <= K::Num9)
    return static_cast<Key>(static_cast<int>(Key::Num1) + (static_cast<int>(k) - static_cast<int>(K::Num1)));
  if (k >= K::Numpad1 && k <= K::Numpad9)
    return static_cast<Key>(static_cast<int>(Key::Num1) +
                            (static_cast<int>(k) - static_cast<int>(K::Numpad1)));
  return Key::Other;
}

}  // namespace

std::optional<InputEvent> translate_event(const sf::Event& e) {
  using T = InputEvent::Type;
  InputEvent out;
  switch (e.type) {
    case sf::Event::Closed:
      out.type = T::Closed;
      return out;
    case sf::Event::Resized:
      out.type = T::Resized;
      out.x = static_cast<float>(e.size.width), out.y = static_cast<float>(e.size.height);
      return out;
    case sf::Event::KeyPressed:
      out.type = T::KeyPressed;
      out.key = translate_key(e.key.code);
      if (out.key == Key::Other) return std::nullopt;
      return out;
    case sf::Event::MouseMoved:
      out.type = T::MouseMoved;
      out.x = static_cast<float>(e.mouseMove.x), out.y = static_cast<float>(e.mouseMove.y);
      return out;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased:
      out.type = e.type == sf::Event::MouseButtonPressed ? T::MousePressed : T::MouseReleased;
      out.x = static_cast<float>(e.mouseButton.x), out.y = static_cast<float>(e.mouseButton.y);
      out.left_button = e.mouseButton.button == sf::Mouse::Left;
      return out;
    case sf::Event::MouseWheelScrolled:
      if (e.mouseWheelScroll.wheel != sf::Mouse::VerticalWheel) return std::nullopt;
      out.type = T::MouseWheel;
      out.x = static_cast<float>(e.mouseWheelScroll.x), out.y = static_cast<float>(e.mouseWheelScroll.y);
      out.wheel = e.mouseWheelScroll.delta;
      return out;
    default:
      return std::nullopt;
  }
}

}  // namespace vicsim::viz
