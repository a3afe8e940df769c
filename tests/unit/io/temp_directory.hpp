// A fresh temporary folder per test (named after the test and the process), removed afterwards:
// for tests that write files and check what is left behind.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace mdasim::test {

class TempDirectoryTest : public ::testing::Test {
 protected:
  explicit TempDirectoryTest(std::string prefix) : prefix_(std::move(prefix)) {}

  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 (prefix_ + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
                  std::to_string(::getpid()));
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // The names of the files in the folder.
  [[nodiscard]] std::vector<std::filesystem::path> files() const {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(directory_)) found.push_back(entry.path().filename());
    return found;
  }

  // Writes `text` to `relative` in the folder (making the folders on the way); its path.
  std::string write_file(const std::string& relative, const std::string& text) const {
    const std::filesystem::path p = directory_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  std::filesystem::path directory_;

 private:
  std::string prefix_;
};

}  // namespace mdasim::test
