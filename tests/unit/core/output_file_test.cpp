// Putting outputs in place (core/output_file.hpp) and the results file built on it: a device, a
// FIFO, a socket or a folder is never replaced (the device node is made here with mknod, never
// the system's own), a symbolic link is written through, a failed write leaves nothing.
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/output_file.hpp"
#include "io/results_file.hpp"
#include "../io/temp_directory.hpp"

namespace mdasim {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public test::TempDirectoryTest {
 protected:
  OutputFileTest() : TempDirectoryTest("mdasim-output-file-") {}

  std::string read(const fs::path& p) const {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
};

TEST_F(OutputFileTest, ARegularFileOrNothingIsAFineTarget) {
  EXPECT_EQ(output_target_problem(directory_ / "new.json"), "");
  std::ofstream(directory_ / "old.json") << "old";
  EXPECT_EQ(output_target_problem(directory_ / "old.json"), "");
  EXPECT_EQ(output_target_problem(""), ": no file name given");
  EXPECT_EQ(output_target_problem(directory_ / "missing" / "x.json"),
            ": the folder '" + (directory_ / "missing").string() + "' does not exist");
}

TEST_F(OutputFileTest, FoldersFifosSocketsAndDevicesAreRefused) {
  EXPECT_EQ(output_target_problem(directory_), " is a folder; expected a file name");
  const fs::path fifo = directory_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(output_target_problem(fifo).find("is a FIFO (named pipe); mdasim writes only regular files"),
            std::string::npos);
  const fs::path sock = directory_ / "sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", sock.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  EXPECT_NE(output_target_problem(sock).find("is a socket"), std::string::npos);
  ::close(fd);
  // A scratch null device of our own (char 1,3), where this process may make one (root).
  const fs::path null = directory_ / "null";
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    EXPECT_NE(output_target_problem(null).find("is a device"), std::string::npos);
    EXPECT_THROW(ResultsFile file(null), std::runtime_error);
    struct stat st {};
    ASSERT_EQ(::lstat(null.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << "the device node was replaced";
  }
  EXPECT_THROW(ResultsFile file(fifo), std::runtime_error);
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(OutputFileTest, ASymbolicLinkIsWrittenThrough) {
  const fs::path link = directory_ / "latest.json";
  fs::create_symlink("run-1.json", link);  // dangling until written
  EXPECT_EQ(resolve_output_target(link), directory_ / "run-1.json");
  EXPECT_EQ(output_target_problem(link), "");
  const fs::path target = resolve_output_target(link);
  const fs::path temp = temporary_output_name(target);
  write_temporary_text(temp, "{}\n", link);
  rename_into_place(temp, target);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read(link), "{}\n");
  // A loop of links is named as such.
  fs::create_symlink("b", directory_ / "a");
  fs::create_symlink("a", directory_ / "b");
  EXPECT_EQ(output_target_problem(directory_ / "a"), " is a loop of symbolic links");
}

TEST_F(OutputFileTest, TextIsPutInPlaceOnlyWhenComplete) {
  const fs::path target = directory_ / "summary.json";
  std::ofstream(target) << "old";
  const fs::path temp = temporary_output_name(target);
  EXPECT_EQ(temp.string(), target.string() + ".tmp-" + std::to_string(::getpid()));
  write_temporary_text(temp, "new", target);
  EXPECT_EQ(read(target), "old");  // not yet
  rename_into_place(temp, target);
  EXPECT_EQ(read(target), "new");
  EXPECT_EQ(files().size(), 1u);
}

TEST_F(OutputFileTest, ATargetReplacedByAFifoMeanwhileIsNotRenamedOver) {
  const fs::path target = directory_ / "out.json";
  const fs::path temp = temporary_output_name(target);
  write_temporary_text(temp, "x", target);
  ASSERT_EQ(::mkfifo(target.c_str(), 0600), 0);
  EXPECT_THROW(rename_into_place(temp, target), std::runtime_error);
  struct stat st {};
  ASSERT_EQ(::lstat(target.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_FALSE(fs::exists(temp)) << "the temporary file is removed";
}

TEST_F(OutputFileTest, AResultsFileIsCommittedOverARegularFileOnly) {
  const fs::path target = directory_ / "out.h5";
  std::ofstream(target) << "old";
  {
    ResultsFile file(target);
    EXPECT_FALSE(file.committed());
    file.commit();
    EXPECT_TRUE(file.committed());
  }
  EXPECT_NE(read(target), "old");
  EXPECT_EQ(files().size(), 1u);
}

}  // namespace
}  // namespace mdasim
