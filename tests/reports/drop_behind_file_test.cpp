// The drop-behind output file: the bytes put into the stream are the file, whatever the window; a failed
// write is an OutputError naming the file.
#include "reports/drop_behind_file.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>

#include "reports/output_error.hpp"

using namespace vicsim::reports;
namespace fs = std::filesystem;

namespace {
std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_CASE("drop_behind_file: the file holds exactly the bytes written, across many windows", "[reports]") {
  const fs::path p = fs::temp_directory_path() / ("vicsim_dbf_" + std::to_string(::getpid()));
  std::string expected;
  {
    // A 16 KiB window, so a 3 MB file passes through about 190 of them; pieces of every size: single
    // characters, short strings through the buffer, and pieces larger than the 1 MiB buffer written directly.
    DropBehindFile file(p, 16 << 10);
    std::ostream out(&file);
    for (int k = 0; k < 20000; ++k) {
      const std::string line = "<node id=\"n" + std::to_string(k) + "\"/>\n";
      out << line;
      out.put(static_cast<char>('a' + k % 26));
      expected += line;
      expected += static_cast<char>('a' + k % 26);
    }
    const std::string big((std::size_t{1} << 20) + 12345, 'x');
    out.write(big.data(), static_cast<std::streamsize>(big.size()));
    expected += big;
    out << "tail\n";
    expected += "tail\n";
    file.close();
    CHECK(out.good());
    CHECK(file.written() == expected.size());
  }
  CHECK(fs::file_size(p) == expected.size());
  CHECK(read_all(p) == expected);
  fs::remove(p);
}

TEST_CASE("drop_behind_file: a failed write is an OutputError naming the file", "[reports]") {
  REQUIRE_THROWS_AS(DropBehindFile(fs::path("/nonexistent_dir_vicsim/x.graphml")), OutputError);
  if (!fs::exists("/dev/full")) return;  // the device that reports a full disk on every write
  DropBehindFile file("/dev/full");
  std::ostream out(&file);
  const std::string big(std::size_t{3} << 20, 'x');  // more than the buffer: written, and failing, at once
  out.write(big.data(), static_cast<std::streamsize>(big.size()));
  CHECK_FALSE(out.good());
  try {
    file.close();
    FAIL("close() did not report the failed write");
  } catch (const OutputError& e) {
    CHECK(std::string(e.what()).find("/dev/full") != std::string::npos);
    CHECK(std::string(e.what()).find("write failed") != std::string::npos);
  }
}
