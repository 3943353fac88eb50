#pragma once
/** @file Writes a spec to JSON through its describe() declarations, every key included. */
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace vicsim::scenarios {

/** @brief A describe() visitor that serialises a spec. */
class JsonWriter {
 public:
  template <class Spec>
  static nlohmann::json write(Spec& spec) {
    JsonWriter w;
    describe(w, spec);
    return w.out_;
  }
  template <class T>
  void field(const char* key, T& ref, const char*, const char*, double = 0, double = 0) {
    out_[key] = ref;
  }
  template <class T>
  void required(const char* key, T& ref, const char*, const char*) {
    out_[key] = ref;
  }
  template <class Spec>
  void object(const char* key, Spec& ref, const char*) {
    out_[key] = write(ref);
  }
  template <class Spec>
  void array(const char* key, std::vector<Spec>& ref, const char*, std::size_t) {
    out_[key] = nlohmann::json::array();
    for (auto& x : ref) out_[key].push_back(write(x));
  }
  void map(const char* key, std::map<std::string, double>& ref, const char*, const char*, double, double) {
    out_[key] = ref;
  }

 private:
  nlohmann::json out_ = nlohmann::json::object();
};

}  // namespace vicsim::scenarios
