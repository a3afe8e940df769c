// Opening input files: regular files are read, anything else is refused at once with what it is.
#include "core/input_file.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "../io/temp_directory.hpp"

namespace mdasim {
namespace {

class InputFileTest : public test::TempDirectoryTest {
 protected:
  InputFileTest() : TempDirectoryTest("mdasim-input-file-") {}
  std::string path(const std::string& name) const { return (directory_ / name).string(); }
  std::string write(const std::string& name, const std::string& text) const { return write_file(name, text); }
  // The problem reported for `p`, which must not be readable.
  static std::string refused(const std::string& p) {
    std::string problem;
    EXPECT_FALSE(read_input_file(p, 1000, problem).has_value()) << p;
    return problem;
  }
};

TEST_F(InputFileTest, ReadsARegularFile) {
  std::string problem;
  const auto text = read_input_file(write("a.yaml", "scenario:\n"), 1000, problem);
  ASSERT_TRUE(text.has_value()) << problem;
  EXPECT_EQ(*text, "scenario:\n");
  EXPECT_EQ(path_status(path("a.yaml")).kind, PathKind::kRegular);
}

TEST_F(InputFileTest, ReadsAnEmptyFileAndOneAtTheLimit) {
  std::string problem;
  EXPECT_EQ(read_input_file(write("empty", ""), 10, problem).value_or("x"), "");
  EXPECT_EQ(read_input_file(write("ten", "0123456789"), 10, problem).value_or("x"), "0123456789");
}

TEST_F(InputFileTest, RefusesAFileOverTheLimitBeforeReadingIt) {
  const std::string problem = refused(write("big", std::string(1001, 'x')));
  EXPECT_EQ(problem, "it is 1001 bytes; a file may be at most 1000 bytes");
}

TEST_F(InputFileTest, RefusesAFifoWithoutBlocking) {
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0) << std::strerror(errno);
  EXPECT_EQ(path_status(path("fifo")).kind, PathKind::kFifo);
  EXPECT_EQ(refused(path("fifo")), "it is a FIFO (named pipe), not a regular file");
}

TEST_F(InputFileTest, RefusesAFolder) {
  EXPECT_EQ(refused(directory_.string()), "it is a folder, not a regular file");
}

TEST_F(InputFileTest, RefusesADeviceLikeDevZero) {
  // A node of /dev/zero's numbers (character device 1, 5), made in the temporary folder.
  if (::mknod(path("zero").c_str(), S_IFCHR | 0600, makedev(1, 5)) != 0) {
    GTEST_SKIP() << "cannot make a device node here: " << std::strerror(errno);
  }
  EXPECT_EQ(refused(path("zero")), "it is a character device, not a regular file");
}

TEST_F(InputFileTest, RefusesASocket) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string name = path("sock");
  ASSERT_LT(name.size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, name.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0) << std::strerror(errno);
  EXPECT_EQ(refused(name), "it is a socket, not a regular file");
  ::close(fd);
}

TEST_F(InputFileTest, SaysWhenSymbolicLinksLoop) {
  std::filesystem::create_symlink(path("loop-b"), path("loop-a"));
  std::filesystem::create_symlink(path("loop-a"), path("loop-b"));
  EXPECT_EQ(path_status(path("loop-a")).kind, PathKind::kLinkLoop);
  EXPECT_EQ(refused(path("loop-a")), "its symbolic links form a loop (too many levels of symbolic links)");
}

TEST_F(InputFileTest, SaysWhereItLookedForAMissingFile) {
  EXPECT_EQ(refused(path("nothing.yaml")), "no such file (looked for " + path("nothing.yaml") + ")");
  EXPECT_EQ(refused(write("plain", "x") + "/below"), "no such file (looked for " + path("plain") + "/below)");
}

TEST_F(InputFileTest, SaysWhenPermissionIsDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
  const std::string p = write("secret", "x");
  ::chmod(p.c_str(), 0);
  EXPECT_EQ(refused(p), "permission denied");
}

TEST_F(InputFileTest, AStablePathNamesTheOpenFile) {
  InputFile file = InputFile::open(write("a.h5", "data"), 100);
  ASSERT_TRUE(file.is_open()) << file.problem();
  const std::string stable = file.stable_path();
  std::filesystem::rename(path("a.h5"), path("moved.h5"));  // the name changes, the open file does not
  std::string problem;
  EXPECT_EQ(read_input_file(stable, 100, problem).value_or(problem), "data");
}

}  // namespace
}  // namespace mdasim
