// Writes a small sample results file, for tests/io/check_results_file.py to read back with h5py
// and xarray. Usage: mdasim_results_sample OUTPUT.h5
#include <array>
#include <cmath>
#include <cstdint>
#include <exception>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "io/results_file.hpp"

namespace {

void write_sample(const std::string& path) {
  using mdasim::ResultsFile;
  using mdasim::ResultsTable;
  ResultsFile file(path);
  file.set_root_attribute("scenario", "name: sample\nnotes: Selat Melaka — Việt Nam ✓\n");
  file.set_root_attribute("replications", 3);
  file.set_root_attribute("horizon_h", 8760.0);

  ResultsTable incidents;
  const std::size_t response = incidents.add_double("response_h", "h", "alert-to-scene response time");
  const std::size_t replication = incidents.add_int64("replication", "1", "replication number");
  const std::size_t seed = incidents.add_uint64("seed", "1", "random stream seed");
  const std::size_t state = incidents.add_string("state", "", "responsible state");
  const std::array<const char*, 3> states{"PH", "MY", "Việt Nam"};
  for (std::size_t r = 0; r < 3; ++r) {
    incidents.add_row();
    incidents.set_double(response, r, 1.5 * static_cast<double>(r + 1));
    incidents.set_int64(replication, r, static_cast<std::int64_t>(r));
    incidents.set_uint64(seed, r, std::numeric_limits<std::uint64_t>::max() - r);
    incidents.set_string(state, r, states[r]);
  }
  file.write_table("baseline/tables", "incidents", incidents, "incidents of all replications");

  ResultsTable empty;
  empty.add_double("response_h", "h", "alert-to-scene response time");
  file.write_table("baseline/tables", "empty", empty, "a table without rows");

  ResultsTable big;
  const std::size_t distance = big.add_double("distance_nm", "nm", "over-water distance");
  big.set_rows(5000);
  for (std::size_t r = 0; r < big.rows(); ++r) big.set_double(distance, r, static_cast<double>(r));
  file.write_table("baseline/tables", "big", big, "a large table");

  file.write_vector("baseline/series", "detected", {0.5, 0.75, 1.0}, "1", "fraction of incidents detected");
  file.write_vector("baseline/series", "cost", {1.0, 2.0, 3.0}, "MUSD", "operating cost");

  const std::vector<double> lat{0.05, 0.15, 0.25};
  const std::vector<double> lon{100.05, 100.15};
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (const char* group : {"baseline/maps", "option-a/maps"}) {
    file.write_grid_coordinates(group, lat, lon);
    file.write_map(group, "coverage", {0.5F, nan, 1.0F, 0.0F, nan, 0.25F}, 3, 2, "1", "fraction of time covered");
    file.write_map(group, "response_h", {1.0F, nan, 2.0F, 3.0F, nan, 4.0F}, 3, 2, "h", "mean response time");
  }
  file.commit();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: mdasim_results_sample OUTPUT.h5\n";
    return 2;
  }
  try {
    write_sample(argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "mdasim_results_sample: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
