// The search for a scenario's data files (see data_folders.hpp).
#include "scenario/data_folders.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/input_file.hpp"

namespace fs = std::filesystem;

namespace mdasim {
namespace {

std::string absolute_text(const fs::path& p) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(p, ec);
  return (ec ? p : absolute).lexically_normal().string();
}

bool is_folder(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

// Whether `inner` lies inside `outer` (both absolute and normal).
bool inside(const fs::path& inner, const fs::path& outer) {
  const fs::path relative = inner.lexically_relative(outer);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

std::vector<std::string> shipped_data_folders() {
  std::vector<std::string> folders;
  auto add = [&](const fs::path& folder) {
    if (folder.empty() || !is_folder(folder)) return;
    const std::string text = absolute_text(folder);
    for (const std::string& f : folders) {
      if (f == text) return;
    }
    folders.push_back(text);
  };
  if (const char* named = std::getenv("MDASIM_DATA"); named != nullptr && *named != '\0') add(fs::path(named));
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && !program.empty()) {
    const fs::path bin = program.parent_path();
    add(bin / MDASIM_INSTALLED_DATA_FROM_BIN);
    if (inside(bin.lexically_normal(), fs::path(MDASIM_BUILD_DIR).lexically_normal())) add(fs::path(MDASIM_SOURCE_DATA_DIR));
  }
  return folders;
}

FoundFile find_data_file(const std::string& given, const std::string& scenario_folder,
                         const std::vector<std::string>& data_folders) {
  FoundFile found;
  std::vector<fs::path> candidates;
  const fs::path path(given);
  if (path.is_absolute()) {
    candidates.push_back(path);
  } else {
    candidates.push_back(fs::path(scenario_folder.empty() ? "." : scenario_folder) / path);
    for (const std::string& folder : data_folders) candidates.push_back(fs::path(folder) / path);
  }
  for (const fs::path& candidate : candidates) {
    const std::string shown = absolute_text(candidate);
    bool seen = false;
    for (const std::string& l : found.looked) seen = seen || l == shown;
    if (seen) continue;
    found.looked.push_back(shown);
    const PathStatus status = path_status(candidate.string());
    if (status.kind == PathKind::kRegular) {
      found.path = candidate.lexically_normal().string();
      return found;
    }
    if (status.kind != PathKind::kMissing) {
      found.problem = shown + ": " + path_problem(candidate.string(), status);
      return found;
    }
  }
  found.problem = "not found (looked for ";
  for (std::size_t i = 0; i < found.looked.size(); ++i) found.problem += (i == 0 ? "" : ", ") + found.looked[i];
  found.problem += ")";
  return found;
}

}  // namespace mdasim
