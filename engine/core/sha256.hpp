// SHA-256 (FIPS 180-4), to record which geodata a run used: a results file keeps the hash of
// every geodata file so that a later reader can tell whether the file it finds is the same.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mdasim {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest as 64 lower-case hexadecimal digits; the object is then spent.
  [[nodiscard]] std::string hex_digest();

 private:
  void compress(const unsigned char* block);
  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_bytes_ = 0;
};

// The SHA-256 of `bytes`, as 64 lower-case hexadecimal digits.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace mdasim
