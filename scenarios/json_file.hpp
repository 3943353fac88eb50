#pragma once
/** @file Reading a JSON document from disk, bounded and strict (shared by the scenario and experiment loaders
 * and the --set parser): only regular files, at most kMaxInputBytes, at most kMaxJsonDepth levels of nesting,
 * no duplicate keys, finite numbers. Every refusal names the file and where in it (line:column, or the JSON
 * path), and quotes at most a short excerpt of the offending text. */
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "scenarios/diagnostics.hpp"

namespace vicsim::scenarios {

/** @brief Largest input file read (bytes): 16 MiB, far above any scenario (the largest bundled one is 10 kB).
 */
inline constexpr std::size_t kMaxInputBytes = 16u << 20;
/** @brief Deepest nesting of arrays and objects accepted (levels); scenarios need 5. */
inline constexpr std::size_t kMaxJsonDepth = 64;

/** @brief Parses `text` strictly (limits above); on failure appends one problem for `file` to `diag`.
 * @param what how to name the text in messages ("" for a file: "invalid JSON at line L, column C").
 * @param syntax_error if not null, set to whether a failure was a plain syntax error (the text is not JSON
 * at all) rather than JSON that breaks a limit (overflowing number, duplicate key, too deep). */
std::optional<nlohmann::json> parse_json_text(const std::string& text, const std::string& file,
                                              Diagnostics& diag, const std::string& what = "",
                                              bool* syntax_error = nullptr);

/** @brief The bytes of the regular file at `path` (at most kMaxInputBytes); on failure appends one problem
 * naming the file to `diag` (cannot open, not a regular file, too large) and returns nothing. */
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diag);

/** @brief Reads and parses `path`; on failure appends a problem to `diag` and returns nothing.
 * Refuses anything but a regular file (a directory, /dev/zero, a FIFO) and files over kMaxInputBytes,
 * without reading more than kMaxInputBytes + 1 bytes.
 * @param text if not null, receives the file's bytes (for fingerprints). */
std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diag,
                                             std::string* text = nullptr);

/** @brief `s` cut to at most `max` bytes (with "..." when cut) and with control characters escaped, for
 * quoting user text in a message. */
std::string excerpt(const std::string& s, std::size_t max = 40);

}  // namespace vicsim::scenarios
