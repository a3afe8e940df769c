// The size a PNG file declares: its signature and the width and height of its IHDR chunk, for
// tests that check what the renderers wrote.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace mdasim::test {

struct PngSize {
  unsigned width_px = 0;
  unsigned height_px = 0;
};

// Empty when the file cannot be read or does not start as a PNG with its IHDR chunk.
[[nodiscard]] inline std::optional<PngSize> png_size(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(24, '\0');
  if (!in.read(head.data(), 24)) return std::nullopt;
  if (head.substr(0, 8) != std::string("\x89PNG\r\n\x1a\n", 8) || head.substr(12, 4) != "IHDR") return std::nullopt;
  const auto be32 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(head[at])) << 24 |
           static_cast<unsigned>(static_cast<unsigned char>(head[at + 1])) << 16 |
           static_cast<unsigned>(static_cast<unsigned char>(head[at + 2])) << 8 |
           static_cast<unsigned>(static_cast<unsigned char>(head[at + 3]));
  };
  return PngSize{be32(16), be32(20)};
}

}  // namespace mdasim::test
