#include "scenarios/json_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <vector>

namespace vicsim::scenarios {

namespace {

using Json = nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<Json>;

/** Builds the document like nlohmann's own DOM parser, but stops at the first duplicate key, nesting deeper
 * than kMaxJsonDepth or syntax/number error, and knows the JSON path of the value being read. */
class StrictSax : public DomParser {
 public:
  explicit StrictSax(Json& doc) : DomParser(doc, false) {}

  std::string error, error_path;
  std::size_t error_byte = 0;
  bool syntax = false;  ///< the error came from the lexer (has a byte position)

  bool null() { return value(DomParser::null()); }
  bool boolean(bool v) { return value(DomParser::boolean(v)); }
  bool number_integer(number_integer_t v) { return value(DomParser::number_integer(v)); }
  bool number_unsigned(number_unsigned_t v) { return value(DomParser::number_unsigned(v)); }
  bool number_float(number_float_t v, const string_t& s) { return value(DomParser::number_float(v, s)); }
  bool string(string_t& v) { return value(DomParser::string(v)); }
  bool binary(binary_t& v) { return value(DomParser::binary(v)); }

  bool start_object(std::size_t n) { return open(false) && DomParser::start_object(n); }
  bool start_array(std::size_t n) { return open(true) && DomParser::start_array(n); }
  bool end_object() { return close(DomParser::end_object()); }
  bool end_array() { return close(DomParser::end_array()); }

  bool key(string_t& k) {
    auto& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) {
      error = "duplicate key '" + excerpt(k) + "' (JSON keeps only one of them; remove the other)";
      error_path = path();
      return false;
    }
    return DomParser::key(k);
  }

  template <class Exception>
  bool parse_error(std::size_t byte, const std::string& token, const Exception& ex) {
    error_byte = byte;
    error_path = path();
    std::string what = ex.what();
    if (what.find("number overflow") != std::string::npos) {
      error =
          "number '" + excerpt(token) + "' is out of range (expected a finite number, at most about 1.8e308)";
    } else {
      syntax = true;
      if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
      error = what.size() > 200 ? what.substr(0, 197) + "..." : what;
    }
    return false;
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
  };

  bool open(bool array) {
    if (frames_.size() >= kMaxJsonDepth) {
      error = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
      error_path = path();
      return false;
    }
    frames_.push_back({array, 0, {}, {}});
    return true;
  }
  bool close(bool ok) {
    frames_.pop_back();
    return value(ok);
  }
  bool value(bool ok) {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return ok;
  }
  std::string path() const {
    std::string p;
    for (const auto& f : frames_) {
      if (f.array)
        p += "[" + std::to_string(f.index) + "]";
      else if (!f.key.empty() || !f.keys.empty())
        p += (p.empty() ? "" : ".") + excerpt(f.key);
    }
    return p.size() > 100 ? p.substr(0, 60) + "..." + p.substr(p.size() - 30) : p;
  }

  std::vector<Frame> frames_;
};

}  // namespace

std::string excerpt(const std::string& s, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && out.size() < max; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      static const char* hex = "0123456789abcdef";
      out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    } else {
      out += s[i];
    }
  }
  if (out.size() >= max && s.size() > max) out = out.substr(0, max - 3) + "...";
  return out;
}

std::optional<nlohmann::json> parse_json_text(const std::string& text, const std::string& file,
                                              Diagnostics& diag, const std::string& what,
                                              bool* syntax_error) {
  Json root;
  StrictSax sax(root);
  if (Json::sax_parse(text, &sax, nlohmann::json::input_format_t::json, true) && sax.error.empty())
    return root;
  if (syntax_error) *syntax_error = sax.syntax;
  std::string where;
  if (sax.syntax || sax.error_path.empty()) {
    // Turn the byte offset into line:column for the message.
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i + 1 < sax.error_byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    where = " at line " + std::to_string(line) + ", column " + std::to_string(col);
  }
  diag.push_back({file, sax.error_path,
                  (what.empty() ? "invalid JSON" : what + ": invalid JSON") + where + ": " + sax.error});
  return std::nullopt;
}

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diag) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    diag.push_back({path, "", std::string("cannot open file for reading: ") + std::strerror(errno)});
    return std::nullopt;
  }
  struct stat st {};
  std::string text;
  std::string problem;
  if (::fstat(fd, &st) != 0) {
    problem = std::string("cannot read file: ") + std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    problem = S_ISDIR(st.st_mode)    ? "expected a file, found a directory"
              : S_ISCHR(st.st_mode)  ? "expected a file, found a character device"
              : S_ISFIFO(st.st_mode) ? "expected a file, found a pipe"
                                     : "expected a file, found a special file";
  } else if (static_cast<std::size_t>(st.st_size) > kMaxInputBytes) {
    problem = "file is " + std::to_string(st.st_size) + " bytes; at most " + std::to_string(kMaxInputBytes) +
              " are accepted";
  } else {
    // Bounded even if the file grows while being read.
    char buf[65536];
    while (text.size() <= kMaxInputBytes) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        problem = std::string("cannot read file: ") + std::strerror(errno);
        break;
      }
      if (n == 0) break;
      text.append(buf, static_cast<std::size_t>(n));
    }
    if (problem.empty() && text.size() > kMaxInputBytes)
      problem = "file is larger than " + std::to_string(kMaxInputBytes) + " bytes, the most accepted";
  }
  ::close(fd);
  if (!problem.empty()) {
    diag.push_back({path, "", problem});
    return std::nullopt;
  }
  return text;
}

std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diag,
                                             std::string* text_out) {
  auto text = read_text_file(path, diag);
  if (!text) return std::nullopt;
  if (text_out) *text_out = *text;
  return parse_json_text(*text, path, diag);
}

}  // namespace vicsim::scenarios
