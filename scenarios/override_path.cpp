#include "scenarios/override_path.hpp"

#include <charconv>

#include "scenarios/diagnostics.hpp"
#include "scenarios/json_file.hpp"

namespace vicsim::scenarios {

namespace {

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string at(std::size_t i) { return " at character " + std::to_string(i + 1); }

/** The text of a scalar as --set would write it: strings bare, numbers and booleans as JSON. */
std::string scalar_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  return "";
}

}  // namespace

std::string match_text(const nlohmann::json& item, const std::string& key) {
  if (!item.is_object()) return "";
  auto it = item.find(key);
  return it == item.end() ? "" : scalar_text(*it);
}

std::optional<std::vector<PathStep>> parse_override_path(const std::string& path, std::string& error) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  const std::size_t n = path.size();
  auto read_key = [&](std::string& out) {
    const std::size_t start = i;
    while (i < n && key_char(path[i])) ++i;
    out = path.substr(start, i - start);
    return !out.empty();
  };
  bool expect_key = true;  // at the start and after '.'
  while (i < n || expect_key) {
    if (expect_key) {
      PathStep s;
      if (!read_key(s.key)) {
        error = i < n ? "expected a key (letters, digits, '_', '-')" + at(i) + ", found '" +
                            excerpt(std::string(1, path[i])) + "'"
                      : "expected a key after '.' at the end";
        return std::nullopt;
      }
      steps.push_back(std::move(s));
      expect_key = false;
      continue;
    }
    if (path[i] == '.') {
      ++i;
      expect_key = true;
    } else if (path[i] == '[') {
      const std::size_t open = i++;
      PathStep s;
      if (i < n && path[i] == '*') {
        s.kind = PathStep::Kind::All;
        ++i;
      } else if (i < n && path[i] == '-') {
        s.kind = PathStep::Kind::Append;
        ++i;
      } else if (i < n && path[i] >= '0' && path[i] <= '9') {
        const std::size_t start = i;
        while (i < n && path[i] >= '0' && path[i] <= '9') ++i;
        s.kind = PathStep::Kind::Index;
        auto [end, ec] = std::from_chars(path.data() + start, path.data() + i, s.index);
        if (ec != std::errc{} || end != path.data() + i) {
          error = "index '" + excerpt(path.substr(start, i - start)) + "'" + at(start) + " is too large";
          return std::nullopt;
        }
      } else if (read_key(s.key)) {
        s.kind = PathStep::Kind::Match;
        if (i >= n || path[i] != '=') {
          error = "expected '=' after '[" + excerpt(s.key) + "'" + at(i) +
                  " (a selector is [index], [*] or [key=value])";
          return std::nullopt;
        }
        const std::size_t start = ++i;
        while (i < n && path[i] != ']' && path[i] != '[') ++i;
        s.value = path.substr(start, i - start);
        if (s.value.empty()) {
          error = "expected a value after '[" + excerpt(s.key) + "='" + at(start);
          return std::nullopt;
        }
      } else {
        error = "expected an index, '*', '-' or key=value after '['" + at(open);
        return std::nullopt;
      }
      if (i >= n || path[i] != ']') {
        error = "expected ']' to close the '['" + at(open) +
                (i < n ? ", found '" + excerpt(std::string(1, path[i])) + "'" + at(i) : ", found the end");
        return std::nullopt;
      }
      ++i;
      steps.push_back(std::move(s));
      if (i < n && path[i] != '.' && path[i] != '[') {
        error = "expected '.', '[' or the end after ']'" + at(i - 1) + ", found '" +
                excerpt(std::string(1, path[i])) + "'";
        return std::nullopt;
      }
    } else {
      error = "expected '.' or '['" + at(i) + ", found '" + excerpt(std::string(1, path[i])) + "'";
      return std::nullopt;
    }
  }
  return steps;
}

std::optional<std::vector<nlohmann::json*>> select_nodes(nlohmann::json& doc,
                                                         const std::vector<PathStep>& steps,
                                                         std::string& error, std::string& where) {
  std::vector<nlohmann::json*> nodes{&doc};
  where.clear();
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const auto& s = steps[k];
    const bool last = k + 1 == steps.size();
    std::vector<nlohmann::json*> next;
    std::vector<std::string> seen;  // Match: the values the key has, for a did-you-mean
    const bool by_index =
        s.kind == PathStep::Kind::Index ||
        (s.kind == PathStep::Kind::Key && all_digits(s.key) && !nodes.empty() && nodes.front()->is_array());
    switch (s.kind) {
      case PathStep::Kind::Key:
        where += (where.empty() ? "" : ".") + s.key;
        break;
      case PathStep::Kind::Index:
        where += "[" + std::to_string(s.index) + "]";
        break;
      case PathStep::Kind::All:
        where += "[*]";
        break;
      case PathStep::Kind::Match:
        where += "[" + s.key + "=" + excerpt(s.value) + "]";
        break;
      case PathStep::Kind::Append:
        where += "[-]";
        break;
    }
    for (nlohmann::json* node : nodes) {
      if (by_index) {
        std::size_t i = s.index;
        if (s.kind == PathStep::Kind::Key) {
          auto [end, ec] = std::from_chars(s.key.data(), s.key.data() + s.key.size(), i);
          if (ec != std::errc{}) {
            error = "index " + excerpt(s.key) + " is too large";
            return std::nullopt;
          }
        }
        if (!node->is_array()) {
          error = "cannot index into " + std::string(node->type_name()) + ": expected an array";
          return std::nullopt;
        }
        if (i >= node->size()) {
          error = "index out of range (array has " + std::to_string(node->size()) + " items)";
          return std::nullopt;
        }
        next.push_back(&(*node)[i]);
      } else if (s.kind == PathStep::Kind::Key) {
        if (node->is_null()) *node = nlohmann::json::object();
        if (node->is_object() && !last && steps[k + 1].kind != PathStep::Kind::Key &&
            !node->contains(s.key)) {
          error = "no key '" + s.key + "' here, so nothing to index or select";
          return std::nullopt;
        }
        if (!node->is_object()) {
          error = "cannot descend into " + std::string(node->type_name()) + " with key '" + s.key +
                  "': expected an object";
          return std::nullopt;
        }
        next.push_back(&(*node)[s.key]);
      } else if (s.kind == PathStep::Kind::Append) {
        if (!node->is_array()) {
          error = "[-] appends to an array, found " + std::string(node->type_name());
          return std::nullopt;
        }
        node->push_back(nullptr);
        next.push_back(&node->back());
      } else {
        if (!node->is_array()) {
          error = "a selector needs an array, found " + std::string(node->type_name());
          return std::nullopt;
        }
        for (auto& item : *node) {
          if (s.kind == PathStep::Kind::All) {
            next.push_back(&item);
            continue;
          }
          const std::string text = match_text(item, s.key);
          if (text == s.value)
            next.push_back(&item);
          else if (!text.empty())
            seen.push_back(text);
        }
      }
    }
    if (next.empty() && (s.kind == PathStep::Kind::All || s.kind == PathStep::Kind::Match)) {
      if (s.kind == PathStep::Kind::All) {
        error = "the array is empty: [*] selects nothing";
      } else {
        error = "no item has " + s.key + "=" + excerpt(s.value);
        if (auto m = closest_match(s.value, seen); !m.empty()) error += " (did you mean '" + m + "'?)";
      }
      return std::nullopt;
    }
    nodes = std::move(next);
  }
  return nodes;
}

}  // namespace vicsim::scenarios
