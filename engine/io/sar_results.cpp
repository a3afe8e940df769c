// One variant's SAR results as results-file tables, a JSON summary and a printed table (see
// sar_results.hpp for the layout).
#include "io/sar_results.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "io/geodata_record.hpp"
#include "io/json_number.hpp"
#include "io/record_names.hpp"

namespace mdasim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ResultsTable replications_table(const SarRunTotals& totals) {
  ResultsTable t;
  const auto replication = t.add_int64("replication", "1", "replication index");
  std::array<std::size_t, kSarMeasureCount> columns{};
  for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
    const SarMeasureInfo& m = info(static_cast<SarMeasure>(k));
    columns[k] = t.add_double(str(m.key), str(m.units), str(m.long_name));
  }
  const auto events = t.add_uint64("events", "1", "events handled (warm-up and drain included)");
  t.set_rows(totals.replications());
  for (std::size_t row = 0; row < totals.replications(); ++row) {
    t.set_int64(replication, row, as_int64(totals.replication_index(row)));
    for (std::size_t k = 0; k < kSarMeasureCount; ++k) t.set_double(columns[k], row, totals.overall(row).values[k]);
    t.set_uint64(events, row, totals.events(row));
  }
  return t;
}

ResultsTable summary_table(const SarEstimates& estimates) {
  ResultsTable t;
  const auto metric = t.add_string("metric", "", "measure key");
  const auto mean = t.add_double("mean", "", "mean over the replications where the measure is defined");
  const auto low = t.add_double("ci_low", "", "lower end of the 95% Student-t interval of the mean");
  const auto high = t.add_double("ci_high", "", "upper end of the 95% Student-t interval of the mean");
  const auto sd = t.add_double("sd", "", "sample standard deviation over replications");
  const auto n = t.add_int64("n", "1", "replications where the measure is defined");
  const auto units = t.add_string("units", "", "units of mean, ci_low, ci_high and sd");
  const auto long_name = t.add_string("long_name", "", "what the measure is");
  t.set_rows(kSarMeasureCount);
  for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
    const SarMeasureInfo& m = info(static_cast<SarMeasure>(k));
    const Estimate& e = estimates[k];
    t.set_string(metric, k, str(m.key));
    t.set_double(mean, k, e.mean);
    t.set_double(low, k, e.ci_low);
    t.set_double(high, k, e.ci_high);
    t.set_double(sd, k, e.sd);
    t.set_int64(n, k, static_cast<std::int64_t>(e.n));
    t.set_string(units, k, str(m.units));
    t.set_string(long_name, k, str(m.long_name));
  }
  return t;
}

ResultsTable summary_by_class_table(const Scenario& scenario, const SarSummary& summary) {
  ResultsTable t;
  const auto klass = t.add_string("class", "", "incident class");
  const auto metric = t.add_string("metric", "", "measure key");
  const auto mean = t.add_double("mean", "", "mean over the replications where the measure is defined");
  const auto low = t.add_double("ci_low", "", "lower end of the 95% Student-t interval of the mean");
  const auto high = t.add_double("ci_high", "", "upper end of the 95% Student-t interval of the mean");
  const auto n = t.add_int64("n", "1", "replications where the measure is defined");
  const auto units = t.add_string("units", "", "units of mean, ci_low and ci_high");
  for (std::size_t c = 0; c < summary.by_class.size(); ++c) {
    for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
      const auto measure = static_cast<SarMeasure>(k);
      if (!reported_per_class(measure)) continue;
      const SarMeasureInfo& m = info(measure);
      const Estimate& e = summary.by_class[c][k];
      const std::size_t row = t.add_row();
      t.set_string(klass, row, scenario.incident_classes[c].name);
      t.set_string(metric, row, str(m.key));
      t.set_double(mean, row, e.mean);
      t.set_double(low, row, e.ci_low);
      t.set_double(high, row, e.ci_high);
      t.set_int64(n, row, static_cast<std::int64_t>(e.n));
      t.set_string(units, row, str(m.units));
    }
  }
  return t;
}

ResultsTable units_table(const SarSetup& setup, const SarRunTotals& totals) {
  const Scenario& scenario = setup.scenario();
  ResultsTable t;
  const auto unit = t.add_string("unit", "", "SAR unit (asset name, with #k for one of several)");
  const auto type = t.add_string("asset_type", "", "asset type");
  const auto base = t.add_string("base", "", "home base");
  const auto state = t.add_string("state", "", "state operating the unit");
  const auto sorties = t.add_double("sorties", "1", "dispatches per replication (mean)");
  const auto busy = t.add_double("busy_h", "h", "busy hours per replication on SAR tasks (mean)");
  const auto patrol = t.add_double("patrol_h", "h", "hours per replication on patrol sorties, launch to turned round (mean)");
  const auto utilisation = t.add_double("utilisation", "1", "fraction of the measured window busy (mean)");
  const auto unavailable =
      t.add_double("unavailable", "1", "fraction of the measured window down for maintenance (mean)");
  const std::vector<SarUnit>& units = setup.units();
  t.set_rows(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    t.set_string(unit, u, units[u].name);
    t.set_string(type, u, name_at(scenario.asset_types, units[u].type_index));
    t.set_string(base, u, name_at(scenario.bases, units[u].base_index));
    t.set_string(state, u, state_code(scenario, units[u].state_index));
    // Sums in replication order (SarRunTotals), then divided: the same for any thread count.
    const UnitTotals sums = u < totals.units().size() ? totals.units()[u] : UnitTotals{};
    const std::size_t n = sums.replications;
    const double count = static_cast<double>(n);
    t.set_double(sorties, u, n > 0 ? sums.sorties / count : kNaN);
    t.set_double(busy, u, n > 0 ? sums.busy_h / count : kNaN);
    t.set_double(patrol, u, n > 0 ? sums.patrol_h / count : kNaN);
    t.set_double(utilisation, u, n > 0 ? sums.utilisation / count : kNaN);
    t.set_double(unavailable, u, n > 0 ? sums.unavailable / count : kNaN);
  }
  return t;
}

// Means per replication of each patrol's record, summed in replication order.
PatrolTotals patrol_means(const SarRunTotals& totals, std::size_t p) {
  PatrolTotals m = p < totals.patrols().size() ? totals.patrols()[p] : PatrolTotals{};
  if (m.replications > 0.0) {
    m.planned /= m.replications;
    m.flown /= m.replications;
    m.retasked /= m.replications;
    m.station_h /= m.replications;
  }
  return m;
}

// Per patrol: sorties planned, flown, retasked and hours on station, means per replication.
ResultsTable patrols_table(const Scenario& scenario, const SarRunTotals& totals) {
  ResultsTable t;
  const auto name = t.add_string("patrol", "", "patrol");
  const auto pattern = t.add_string("pattern", "", "parallel-sweep, barrier, racetrack or station");
  const auto planned = t.add_double("planned", "1", "sorties planned in the measured window per replication (mean)");
  const auto flown = t.add_double("flown", "1", "sorties launched per replication (mean)");
  const auto missed = t.add_double("missed_fraction", "1", "fraction of planned sorties missed: no unit free and up");
  const auto retasked = t.add_double("retasked", "1", "sorties cut short to respond to a SAR incident per replication (mean)");
  const auto station = t.add_double("station_h", "h", "hours on station per replication (mean)");
  t.set_rows(scenario.patrols.size());
  for (std::size_t p = 0; p < scenario.patrols.size(); ++p) {
    const PatrolTotals m = patrol_means(totals, p);
    const bool any = m.replications > 0.0;
    t.set_string(name, p, scenario.patrols[p].name);
    t.set_string(pattern, p, str(to_string(scenario.patrols[p].pattern)));
    t.set_double(planned, p, any ? m.planned : kNaN);
    t.set_double(flown, p, any ? m.flown : kNaN);
    t.set_double(missed, p, m.planned > 0.0 ? (m.planned - m.flown) / m.planned : kNaN);
    t.set_double(retasked, p, any ? m.retasked : kNaN);
    t.set_double(station, p, any ? m.station_h : kNaN);
  }
  return t;
}

// A number for JSON: null unless finite.
nlohmann::ordered_json json_measures(const SarEstimates& estimates, bool per_class_only) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
    const auto measure = static_cast<SarMeasure>(k);
    if (per_class_only && !reported_per_class(measure)) continue;
    const SarMeasureInfo& m = info(measure);
    const Estimate& e = estimates[k];
    nlohmann::ordered_json item;
    item["name"] = str(m.key);
    item["mean"] = json_number(e.mean);
    item["ci_low"] = json_number(e.ci_low);
    item["ci_high"] = json_number(e.ci_high);
    item["n"] = e.n;
    item["units"] = str(m.units);
    item["description"] = str(m.long_name);
    list.push_back(std::move(item));
  }
  return list;
}

// A number in a column: digits suited to its size; "-" for NaN.
std::string number_text(double value) {
  if (std::isnan(value)) return "-";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  const double a = std::abs(value);
  const int decimals = a >= 1000.0 ? 0 : a >= 100.0 ? 1 : a >= 10.0 ? 2 : 3;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

// "-" where there is no interval: a measure defined in fewer than two replications has an
// unbounded one (as the JSON summary's null says).
std::string interval_text(const Estimate& e) {
  if (!std::isfinite(e.ci_low) || !std::isfinite(e.ci_high)) return "-";
  return "[" + number_text(e.ci_low) + ", " + number_text(e.ci_high) + "]";
}

std::string padded(std::string text, std::size_t width, bool right) {
  if (text.size() >= width) return text;
  const std::string fill(width - text.size(), ' ');
  return right ? fill + text : text + fill;
}

}  // namespace

bool reported_per_class(SarMeasure measure) { return measure != SarMeasure::kUtilisation; }

SarSummary summarise_sar(const SarRunTotals& totals) {
  SarSummary s;
  s.overall = summarise(totals.overall());
  for (std::size_t c = 0; c < totals.classes(); ++c) s.by_class.push_back(summarise(totals.class_series(c)));
  return s;
}

void write_sar_run_attributes(ResultsFile& file, const Scenario& scenario, const SarRunInfo& run) {
  file.set_root_attribute("scenario_name", scenario.name);
  file.set_root_attribute("scenario_path", scenario.source_path);
  file.set_root_attribute("scenario_text", scenario.source_text);
  if (!scenario.option_text.empty()) file.set_root_attribute("option_text", scenario.option_text);
  file.set_root_attribute("seed", run.seed);
  file.set_root_attribute("replications", run.replications);
  file.set_root_attribute("duration_h", scenario.run.duration_h);
  file.set_root_attribute("warmup_h", scenario.run.warmup_h);
  write_geodata_record(file, scenario);
}

void write_sar_results(ResultsFile& file, const std::string& variant, const SarSetup& setup, const SarRunTotals& totals,
                       const SarSummary& summary) {
  const std::string tables = variant + "/tables";
  file.write_table(tables, "replications", replications_table(totals), "SAR measures per replication");
  file.write_table(tables, "summary", summary_table(summary.overall),
                   "SAR measures: means over replications with 95% intervals");
  file.write_table(tables, "summary_by_class", summary_by_class_table(setup.scenario(), summary),
                   "SAR measures per incident class: means over replications with 95% intervals");
  file.write_table(tables, "units", units_table(setup, totals), "SAR units: activity per replication");
  if (totals.patrols_flew()) {
    file.write_table(tables, "patrols", patrols_table(setup.scenario(), totals), "patrols: sorties per replication");
  }
}

std::string sar_summary_json(const Scenario& scenario, const std::string& variant, const SarRunInfo& run,
                             const SarSummary& summary) {
  nlohmann::ordered_json out;
  out["scenario"] = scenario.name;
  out["variant"] = variant;
  out["replications"] = run.replications;
  out["seed"] = run.seed;
  out["metrics"] = json_measures(summary.overall, false);
  nlohmann::ordered_json by_class = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < summary.by_class.size() && c < scenario.incident_classes.size(); ++c) {
    by_class[scenario.incident_classes[c].name] = json_measures(summary.by_class[c], true);
  }
  out["by_class"] = std::move(by_class);
  return out.dump(2);
}

void print_sar_summary(std::ostream& out, const Scenario& scenario, const SarSummary& summary) {
  constexpr std::size_t kDescription = 58;
  constexpr std::size_t kMean = 10;
  constexpr std::size_t kInterval = 24;
  out << padded("measure", kDescription, false) << padded("mean", kMean, true) << "  "
      << padded("95% CI", kInterval, false) << "units\n";
  for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
    const SarMeasureInfo& m = info(static_cast<SarMeasure>(k));
    const Estimate& e = summary.overall[k];
    out << padded(str(m.long_name), kDescription, false) << padded(number_text(e.mean), kMean, true) << "  "
        << padded(interval_text(e), kInterval, false) << m.units << '\n';
  }
  if (summary.by_class.empty()) return;
  constexpr std::size_t kClass = 30;
  constexpr std::size_t kColumn = 18;
  out << '\n'
      << padded("incident class (means)", kClass, false) << padded("incidents", kColumn, true)
      << padded("median response h", kColumn, true) << padded("within 6 h", kColumn, true)
      << padded("persons saved", kColumn, true) << '\n';
  for (std::size_t c = 0; c < summary.by_class.size() && c < scenario.incident_classes.size(); ++c) {
    const SarEstimates& e = summary.by_class[c];
    const auto mean = [&e](SarMeasure m) { return number_text(e[static_cast<std::size_t>(m)].mean); };
    out << padded(scenario.incident_classes[c].name, kClass, false)
        << padded(mean(SarMeasure::kIncidents), kColumn, true)
        << padded(mean(SarMeasure::kResponseMedian), kColumn, true)
        << padded(mean(SarMeasure::kWithin6h), kColumn, true) << padded(mean(SarMeasure::kPersonsSaved), kColumn, true)
        << '\n';
  }
}

void print_patrol_summary(std::ostream& out, const Scenario& scenario, const SarRunTotals& totals) {
  if (!totals.patrols_flew() || scenario.patrols.empty()) return;
  constexpr std::size_t kName = 30;
  constexpr std::size_t kColumn = 14;
  out << '\n'
      << padded("patrol (means per replication)", kName, false) << padded("planned", kColumn, true)
      << padded("flown", kColumn, true) << padded("retasked", kColumn, true) << padded("h on station", kColumn, true)
      << '\n';
  for (std::size_t p = 0; p < scenario.patrols.size(); ++p) {
    const PatrolTotals m = patrol_means(totals, p);
    out << padded(scenario.patrols[p].name, kName, false) << padded(number_text(m.planned), kColumn, true)
        << padded(number_text(m.flown), kColumn, true) << padded(number_text(m.retasked), kColumn, true)
        << padded(number_text(m.station_h), kColumn, true) << '\n';
  }
}

}  // namespace mdasim
