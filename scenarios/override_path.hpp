#pragma once
/** @file The path syntax of --set overrides and experiment factors: `a.b.c`, `a[2].b` (or `a.2.b`),
 * `a[*].b` (every item), `a[name=Wuhan].b` (the items whose key `name` equals the text after '='), and `a[-]`
 * (a new item appended, as the '-' of JSON Pointer / RFC 6902). */
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace vicsim::scenarios {

/** @brief One step of an override path. */
struct PathStep {
  enum class Kind { Key, Index, All, Match, Append };
  Kind kind = Kind::Key;
  std::string key;        ///< Key: the object key (an all-digit key indexes an array); Match: the item key
  std::size_t index = 0;  ///< Index: the array index
  std::string value;      ///< Match: the text the item's key must equal
};

/** @brief The text a `[key=value]` selector compares with `value`: item's `key` as --set would write it
 * (strings bare, numbers and booleans as JSON); empty when item is not an object, lacks `key` or holds no
 * scalar there. */
std::string match_text(const nlohmann::json& item, const std::string& key);

/** @brief Parses `path`; on a malformed path returns nothing and sets `error` (what was expected, where). */
std::optional<std::vector<PathStep>> parse_override_path(const std::string& path, std::string& error);

/** @brief The nodes of `doc` a parsed path designates, creating missing object keys (their values are checked
 * later by the reader). On failure returns nothing and sets `error` and `where` (the path walked so far). */
std::optional<std::vector<nlohmann::json*>> select_nodes(nlohmann::json& doc,
                                                         const std::vector<PathStep>& steps,
                                                         std::string& error, std::string& where);

}  // namespace vicsim::scenarios
