// Where the files a scenario names (its geodata) are found. A relative path is looked for in the
// scenario file's own folder first, then in the folders of shipped data, in this order:
//   1. the folder named by the environment variable MDASIM_DATA, if set;
//   2. the scenarios folder installed with the program: <prefix>/share/mdasim/scenarios beside
//      <prefix>/bin/mdasim (cmake --install);
//   3. in a build tree only (the program or test runs from the build folder), the source tree's
//      scenarios/ folder.
// Each of these folders is laid out like the shipped scenarios/ folder, so the shipped scenario's
// `data/land-10m.geojson` resolves in any of them: a copy of a shipped scenario runs from any
// folder. When a file is not found, the message lists every place looked.
#pragma once

#include <string>
#include <vector>

namespace mdasim {

// The folders of shipped data for this process (items 1-3 above), those that exist.
[[nodiscard]] std::vector<std::string> shipped_data_folders();

struct FoundFile {
  std::string path;                // the file found ("" if none)
  std::vector<std::string> looked;  // every path tried, absolute, in order
  std::string problem;             // why none was used: "" when found
};

// Looks for `given` (a path as written in a scenario): as it is if absolute, else in
// `scenario_folder` and then in each of `data_folders`. A path that exists but is not a regular
// file (a folder, a FIFO, a device) or cannot be opened stops the search with a problem that
// says so; one that does not exist is skipped.
[[nodiscard]] FoundFile find_data_file(const std::string& given, const std::string& scenario_folder,
                                       const std::vector<std::string>& data_folders);

}  // namespace mdasim
