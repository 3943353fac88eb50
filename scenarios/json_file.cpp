#include "scenarios/json_file.hpp"

#include <fstream>
#include <sstream>

namespace vicsim::scenarios {

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diag,
                                             std::string* text_out) {
  const auto read = read_text_file(path);
  if (!read) {
    diag.push_back({path, "", "cannot open file for reading"});
    return std::nullopt;
  }
  const std::string& text = *read;
  if (text_out) *text_out = text;
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // Turn the byte offset into line:column for the message.
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    diag.push_back(
        {path, "",
         "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) + ": " + what});
    return std::nullopt;
  }
}

}  // namespace vicsim::scenarios
