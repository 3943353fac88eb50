#include "reports/directory_lock.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "reports/output_directory.hpp"
#include "reports/stale_files.hpp"

using namespace vicsim::reports;
namespace fs = std::filesystem;

namespace {
fs::path fresh(const std::string& tag) {
  const fs::path base = fs::temp_directory_path() / ("vicsim_lock_" + tag + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base);
  return base;
}
/** A pid that is certainly dead: a child that has exited and been reaped. */
pid_t dead_pid() {
  const pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  return pid;
}
}  // namespace

TEST_CASE("directory_lock: a second writer is refused and told who holds the lock", "[reports]") {
  const fs::path base = fresh("a");
  const fs::path target = base / "run";
  {
    DirectoryLock held(target);
    CHECK(fs::exists(DirectoryLock::lock_file(target)));
    // flock locks belong to open files, so a second lock in this process conflicts like another process.
    try {
      DirectoryLock second(target);
      FAIL("the second lock was granted");
    } catch (const OutputError& e) {
      const std::string what = e.what();
      CHECK(what.find("in use by another vicsim") != std::string::npos);
      CHECK(what.find("pid " + std::to_string(::getpid())) != std::string::npos);
    }
    CHECK_THROWS_AS(OutputDirectory(target, true), OutputError);
  }
  CHECK_FALSE(fs::exists(DirectoryLock::lock_file(target)));  // removed on release
  CHECK_NOTHROW(DirectoryLock(target));
  fs::remove_all(base);
}

TEST_CASE("output_directory: staging left by a killed writer is removed, a live one's is kept", "[reports]") {
  const fs::path base = fresh("b");
  const fs::path dead = base / (".run.tmp-" + std::to_string(dead_pid()));
  const fs::path live = base / (".run.tmp-" + std::to_string(::getppid()));
  const fs::path other = base / (".other.tmp-" + std::to_string(dead_pid()));
  for (const auto& p : {dead, live, other}) fs::create_directories(p / "x");
  {
    OutputDirectory d(base / "run", false);
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(live));
    CHECK(fs::exists(other));  // another directory's staging is not ours to judge
  }
  // A commit killed between its two renames: the old directory, set aside, is put back.
  fs::create_directories(base / "kept");
  std::ofstream(base / "kept" / "a.txt") << "old";
  fs::rename(base / "kept", base / (".kept.old-" + std::to_string(dead_pid())));
  { OutputDirectory d(base / "kept", true); }
  CHECK(fs::exists(base / "kept" / "a.txt"));
  fs::remove_all(base);
}

TEST_CASE("output_directory: a target written as DIR/. or DIR/ is DIR; the current directory is refused",
          "[reports]") {
  const fs::path base = fresh("c");
  CHECK(OutputDirectory::normalise(base / "run" / ".") == base / "run");
  CHECK(OutputDirectory::normalise(base / "run/") == base / "run");
  {
    OutputDirectory d(base / "run" / ".", false);
    std::ofstream(d.staging() / "a.txt") << "x";
    d.commit();
  }
  CHECK(fs::exists(base / "run" / "a.txt"));
  {
    OutputDirectory d(base / "run" / ".", true);
    std::ofstream(d.staging() / "b.txt") << "x";
    CHECK_NOTHROW(d.commit());
  }
  CHECK(fs::exists(base / "run" / "b.txt"));
  const fs::path cwd = fs::current_path();
  fs::current_path(base / "run");
  CHECK_THROWS_AS(OutputDirectory(".", true), OutputDirectoryError);
  CHECK_THROWS_AS(OutputDirectory("..", true), OutputDirectoryError);
  fs::current_path(cwd);
  CHECK(process_is_gone(dead_pid()));
  CHECK_FALSE(process_is_gone(::getpid()));
  fs::remove_all(base);
}
