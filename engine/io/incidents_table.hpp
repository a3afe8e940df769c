// A variant's incidents table, `V/tables/incidents`, written replication by replication while
// the run goes on (ResultsFile::begin_table), so that no run holds every incident in memory: one
// row per incident of every replication, by replication then occurrence (the columns are listed
// in sar_results.hpp and docs/results-file.md). String columns are as wide as the longest value
// they can take (incident class and unit names, state codes, outcome and alert words).
#pragma once

#include <cstddef>
#include <string>

#include "io/results_file.hpp"
#include "model/sar_records.hpp"
#include "model/sar_setup.hpp"

namespace mdasim {

class IncidentsTable {
 public:
  // Creates the (empty) table under `variant/tables` of `file`; `file` and `setup` must outlive
  // this. Throws as ResultsFile does.
  IncidentsTable(ResultsFile& file, const std::string& variant, const SarSetup& setup);

  // Appends the incidents of the next replication (replications in order).
  void append(const SarReplicationResult& result);

 private:
  ResultsFile* file_;
  const SarSetup* setup_;
  std::size_t stream_ = 0;
};

}  // namespace mdasim
