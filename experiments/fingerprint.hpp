#pragma once
/** @file A content fingerprint (64-bit FNV-1a) to notice that an experiment's inputs changed. Not a
 * cryptographic hash: it guards against accidents, not adversaries. */
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace vicsim::experiments {

/** @brief FNV-1a over the parts, each followed by a NUL byte; 16 hex digits. */
inline std::string fingerprint(std::initializer_list<std::string_view> parts) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (auto p : parts) {
    for (char c : p) mix(static_cast<unsigned char>(c));
    mix(0);
  }
  static const char* hex = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) s[static_cast<std::size_t>(i)] = hex[h & 0xf];
  return s;
}

}  // namespace vicsim::experiments
