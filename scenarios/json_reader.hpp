#pragma once
/** @file Reads and validates JSON into a spec through its describe() declarations, collecting every
 * problem (wrong type, out of range, missing, unknown key with a did-you-mean) rather than stopping. */
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>
#include <vector>

#include "scenarios/diagnostics.hpp"
#include "scenarios/json_file.hpp"
#include "scenarios/removed_keys.hpp"

namespace vicsim::scenarios {

/** @brief A describe() visitor that fills a spec from a JSON object. */
class JsonReader {
 public:
  JsonReader(const nlohmann::json& node, std::string path, std::string file, Diagnostics& diag)
      : node_(node), path_(std::move(path)), file_(std::move(file)), diag_(diag) {}

  /** @brief Reads `obj` into `spec` and reports unknown keys. Returns false if obj is not an object. */
  template <class Spec>
  static bool read(const nlohmann::json& obj, Spec& spec, const std::string& path, const std::string& file,
                   Diagnostics& diag) {
    if (!obj.is_object()) {
      diag.push_back({file, path, "expected an object, got " + describe_value(obj)});
      return false;
    }
    JsonReader r(obj, path, file, diag);
    describe(r, spec);
    r.report_unknown_keys();
    return true;
  }

  template <class T>
  void field(const char* key, T& ref, const char*, const char*, double lo = -INFINITY, double hi = INFINITY) {
    known_.push_back(key);
    if (auto it = node_.find(key); it != node_.end()) convert(*it, ref, child(key), lo, hi);
  }

  template <class T>
  void required(const char* key, T& ref, const char* unit, const char* desc) {
    if (!node_.contains(key)) {
      known_.push_back(key);
      error(child(key), "is required");
      return;
    }
    field(key, ref, unit, desc);
  }

  template <class Spec>
  void object(const char* key, Spec& ref, const char*) {
    known_.push_back(key);
    if (auto it = node_.find(key); it != node_.end()) read(*it, ref, child(key), file_, diag_);
  }

  template <class Spec>
  void array(const char* key, std::vector<Spec>& ref, const char*, std::size_t min_items) {
    known_.push_back(key);
    auto it = node_.find(key);
    if (it == node_.end()) {
      if (min_items > 0)
        error(child(key),
              "is required: expected an array of at least " + std::to_string(min_items) + " objects");
      return;
    }
    if (!it->is_array()) {
      error(child(key), "expected an array, got " + describe_value(*it));
      return;
    }
    if (it->size() < min_items)
      error(child(key),
            "expected at least " + std::to_string(min_items) + " items, got " + std::to_string(it->size()));
    ref.assign(it->size(), Spec{});
    for (std::size_t i = 0; i < it->size(); ++i)
      read((*it)[i], ref[i], child(key) + "[" + std::to_string(i) + "]", file_, diag_);
  }

  void map(const char* key, std::map<std::string, double>& ref, const char*, const char*, double lo,
           double hi) {
    known_.push_back(key);
    auto it = node_.find(key);
    if (it == node_.end()) return;
    if (!it->is_object()) {
      error(child(key), "expected an object of name → number, got " + describe_value(*it));
      return;
    }
    ref.clear();
    for (const auto& [k, v] : it->items()) convert(v, ref[k], child(key) + "." + k, lo, hi);
  }

  /** @brief "string \"abc\"", "number 3", "array of 70000 items": never serialises a whole structure, so
   * a huge or deep value cannot blow up a message. */
  static std::string describe_value(const nlohmann::json& v) {
    const std::string n = std::to_string(v.size());
    if (v.is_array()) return "an array of " + n + (v.size() == 1 ? " item" : " items");
    if (v.is_object()) return "an object with " + n + (v.size() == 1 ? " key" : " keys");
    if (v.is_string()) return "string \"" + excerpt(v.get_ref<const std::string&>()) + "\"";
    return std::string(v.type_name()) + " " + v.dump();
  }

 private:
  std::string child(const char* key) const { return path_.empty() ? key : path_ + "." + key; }
  void error(const std::string& path, const std::string& msg) { diag_.push_back({file_, path, msg}); }

  static std::string range_text(double lo, double hi) {
    auto num = [](double x) {
      if (std::fabs(x) < 1e15 && std::floor(x) == x) return std::to_string(static_cast<long long>(x));
      if (x == 18446744073709551615.0)
        return std::string("18446744073709551615");  // 2^64 − 1, the seed's top
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
      return std::string(buf, end);
    };
    if (std::isfinite(lo) && std::isfinite(hi)) return " in [" + num(lo) + ", " + num(hi) + "]";
    if (std::isfinite(lo)) return " >= " + num(lo);
    if (std::isfinite(hi)) return " <= " + num(hi);
    return "";
  }

  template <class T>
  void convert(const nlohmann::json& v, T& out, const std::string& path, double lo, double hi) {
    if constexpr (std::is_same_v<T, bool>) {
      if (!v.is_boolean()) return error(path, "expected true or false, got " + describe_value(v));
      out = v.get<bool>();
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!v.is_string()) return error(path, "expected a string, got " + describe_value(v));
      out = v.get<std::string>();
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      if (!v.is_array()) return error(path, "expected an array of strings, got " + describe_value(v));
      out.clear();
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string()) {
          error(path + "[" + std::to_string(i) + "]", "expected a string, got " + describe_value(v[i]));
          continue;
        }
        out.push_back(v[i].get<std::string>());
      }
    } else if constexpr (std::is_same_v<T, std::vector<double>>) {
      if (!v.is_array()) return error(path, "expected an array of numbers, got " + describe_value(v));
      out.clear();
      for (std::size_t i = 0; i < v.size(); ++i) {
        double x = 0;
        convert(v[i], x, path + "[" + std::to_string(i) + "]", lo, hi);
        out.push_back(x);
      }
    } else if constexpr (std::is_same_v<T, nlohmann::json>) {
      out = v;  // checked by the caller
    } else if constexpr (std::is_integral_v<T>) {
      // A float is an integer only where doubles hold every integer (|x| < 2^53): 1.8446744073709552e19 is
      // not 18446744073709551615.
      const bool integral =
          v.is_number_integer() || (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() &&
                                    std::fabs(v.get<double>()) < 9007199254740992.0);
      if (!integral)
        return error(path, "expected an integer" + range_text(lo, hi) + ", got " + describe_value(v));
      const double x = v.get<double>();
      if (x < lo || x > hi || (std::is_unsigned_v<T> && x < 0))
        return error(path, "expected an integer" + range_text(lo, hi) + ", got " + v.dump());
      out = v.is_number_unsigned() ? static_cast<T>(v.get<std::uint64_t>())
                                   : static_cast<T>(v.get<std::int64_t>());
    } else {
      if (!v.is_number())
        return error(path, "expected a number" + range_text(lo, hi) + ", got " + describe_value(v));
      const double x = v.get<double>();
      if (!(x >= lo && x <= hi))
        return error(path, "expected a number" + range_text(lo, hi) + ", got " + v.dump());
      out = x;
    }
  }

  void report_unknown_keys() {
    for (const auto& [k, v] : node_.items()) {
      if (std::find(known_.begin(), known_.end(), k) != known_.end()) continue;
      if (auto note = removed_key_note(child(k.c_str())); !note.empty()) {
        error(child(k.c_str()), note);
        continue;
      }
      std::string msg = "unknown key";
      if (auto m = closest_match(k, known_); !m.empty())
        msg += " (did you mean '" + m + "'?)";
      else {
        msg += "; expected one of:";
        for (const auto& x : known_) msg += " " + x;
      }
      error(child(excerpt(k).c_str()), msg);
    }
  }

  const nlohmann::json& node_;
  std::string path_, file_;
  Diagnostics& diag_;
  std::vector<std::string> known_;
};

}  // namespace vicsim::scenarios
