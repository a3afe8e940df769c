// The paired differences of a comparison as a results-file table, JSON and printed tables (see
// comparison_results.hpp).
#include "io/comparison_results.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/json_number.hpp"

namespace mdasim {
namespace {

using Json = nlohmann::ordered_json;

Json json_estimate(const Estimate& e) {
  Json out;
  out["mean"] = json_number(e.mean);
  out["ci_low"] = json_number(e.ci_low);
  out["ci_high"] = json_number(e.ci_high);
  return out;
}

// The measures printed per option, in this order: SAR ones over all incidents, then ISR ones for
// every target class and over all.
constexpr std::array<std::string_view, 7> kPrintedSar{
    "within_2h", "within_6h", "response_mean_h", "response_p90_h", "persons_saved", "unreachable", "alert_delay_mean_h"};
constexpr std::array<std::string_view, 2> kPrintedIsr{"detected_fraction", "alert_mean_h"};

const MeasureComparison* find(const OptionComparison& o, std::string_view domain, std::string_view subject,
                              std::string_view metric) {
  for (const MeasureComparison& m : o.measures) {
    if (m.domain == domain && m.subject == subject && m.metric == metric) return &m;
  }
  return nullptr;
}

std::vector<const MeasureComparison*> printed_measures(const OptionComparison& o) {
  std::vector<const MeasureComparison*> out;
  for (std::string_view metric : kPrintedSar) {
    if (const MeasureComparison* m = find(o, "sar", "all", metric)) out.push_back(m);
  }
  for (const MeasureComparison& m : o.measures) {
    if (m.domain == "isr" && m.metric == kPrintedIsr.front()) {
      for (std::string_view metric : kPrintedIsr) {
        if (const MeasureComparison* found = find(o, "isr", m.subject, metric)) out.push_back(found);
      }
    }
  }
  return out;
}

std::string subject_text(const MeasureComparison& m) {
  if (m.domain == "sar") return m.subject == "all" ? "SAR, all incidents" : "SAR, " + m.subject;
  return m.subject == "all" ? "ISR, all targets" : "ISR, " + m.subject;
}

std::string plain(double v) {
  if (std::isnan(v)) return "-";
  char buf[40];
  std::snprintf(buf, sizeof buf, std::abs(v) >= 100.0 ? "%.1f" : "%.3f", v);
  return buf;
}

std::string signed_text(double v, const char* format = "%+.3f") {
  if (std::isnan(v)) return "-";
  if (std::isinf(v)) return v > 0 ? "+inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, format, v == 0.0 ? 0.0 : v);  // no "-0.000"
  return buf;
}

// The mean alone where there is no finite interval (fewer than two replications).
std::string interval_text(const Estimate& e, double scale, const char* format) {
  if (!std::isfinite(e.ci_low) || !std::isfinite(e.ci_high)) return signed_text(e.mean * scale, format);
  return signed_text(e.mean * scale, format) + " [" + signed_text(e.ci_low * scale, format) + ", " +
         signed_text(e.ci_high * scale, format) + "]";
}

std::string per_cost_text(const Estimate& e) {
  if (std::isnan(e.mean)) return "-";
  if (e.mean == 0.0) return "0";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%+.3g", e.mean == 0.0 ? 0.0 : e.mean);
  return buf;
}

// "+0.0123*" (the star where the interval excludes zero), or "-". Fractions get four decimals,
// so that a small but clear change does not read as "+0.000*".
std::string glance_text(const MeasureComparison* m) {
  if (m == nullptr || std::isnan(m->paired.difference.mean)) return "-";
  const Estimate& d = m->paired.difference;
  const bool clear = d.ci_low > 0.0 || d.ci_high < 0.0;
  return signed_text(d.mean, m->units == "h" ? "%+.3f" : "%+.4f") + (clear ? "*" : " ");
}

}  // namespace

void write_comparison_table(ResultsFile& file, const std::vector<OptionComparison>& options) {
  ResultsTable t;
  const auto variant = t.add_string("variant", "", "the option's group in this file");
  const auto domain = t.add_string("domain", "", "sar (incidents) or isr (targets)");
  const auto cls = t.add_string("class", "", "incident or target class (all: every class)");
  const auto metric = t.add_string("metric", "", "measure key");
  const auto units = t.add_string("units", "", "units of the means, differences and their intervals");
  const auto long_name = t.add_string("long_name", "", "what the measure is");
  const auto better = t.add_string("better", "", "which way the measure improves: lower, higher or neither");
  const auto pairs = t.add_int64("pairs", "1", "replications where both variants have the measure");
  struct Triple {
    std::size_t mean, low, high;
  };
  // Columns NAME (or PREFIX_mean when given), PREFIX_ci_low and PREFIX_ci_high. Their units are
  // the row's (the units column), except where `u` says.
  const auto triple = [&t](const std::string& prefix, const std::string& name, const std::string& what,
                           const std::string& u) {
    return Triple{t.add_double(name, u, what),
                  t.add_double(prefix + "_ci_low", u, "lower end of the 95% interval of " + name),
                  t.add_double(prefix + "_ci_high", u, "upper end of the 95% interval of " + name)};
  };
  const Triple base = triple("baseline", "baseline_mean", "the baseline's mean over the pairs", "");
  const Triple opt = triple("option", "option_mean", "the option's mean over the pairs", "");
  const Triple diff = triple("difference", "difference", "mean paired difference, option - baseline", "");
  const Triple rel =
      triple("relative", "relative", "relative change, option / baseline - 1 (delta-method interval)", "1");
  const auto cost = t.add_double("cost_musd", "USD 1e6", "the option's cost");
  const Triple per = triple("per_musd", "per_musd", "difference per US$ million of the option's cost", "");
  const auto verdict_col = t.add_string("verdict", "", "better, worse, unclear, no change, or - (no direction)");
  const auto set = [&t](const Triple& c, std::size_t r, const Estimate& e) {
    t.set_double(c.mean, r, e.mean);
    t.set_double(c.low, r, e.ci_low);
    t.set_double(c.high, r, e.ci_high);
  };
  for (const OptionComparison& o : options) {
    for (const MeasureComparison& m : o.measures) {
      const std::size_t r = t.add_row();
      t.set_string(variant, r, o.variant);
      t.set_string(domain, r, m.domain);
      t.set_string(cls, r, m.subject);
      t.set_string(metric, r, m.metric);
      t.set_string(units, r, m.units);
      t.set_string(long_name, r, m.long_name);
      t.set_string(better, r, std::string(better_name(m.better)));
      t.set_int64(pairs, r, static_cast<std::int64_t>(m.paired.pairs));
      set(base, r, m.paired.baseline);
      set(opt, r, m.paired.option);
      set(diff, r, m.paired.difference);
      set(rel, r, m.paired.relative);
      t.set_double(cost, r, o.cost_musd);
      set(per, r, m.per_musd);
      t.set_string(verdict_col, r, m.verdict);
    }
  }
  file.write_table("comparison", "paired_differences", t,
                   "Options against the baseline on common random numbers: paired differences of every measure "
                   "with 95% intervals (means, differences and intervals in the units column)");
}

std::string comparison_json(const Scenario& baseline, const SarRunInfo& run, const std::vector<OptionComparison>& options) {
  Json out;
  out["baseline"] = Json{{"scenario", baseline.name}, {"path", baseline.source_path}};
  out["replications"] = run.replications;
  out["seed"] = run.seed;
  out["confidence"] = 0.95;
  Json list = Json::array();
  for (const OptionComparison& o : options) {
    Json option;
    option["variant"] = o.variant;
    option["name"] = o.name;
    option["description"] = o.description;
    option["path"] = o.path;
    option["cost_musd"] = json_number(o.cost_musd);
    Json measures = Json::array();
    for (const MeasureComparison& m : o.measures) {
      Json item;
      item["domain"] = m.domain;
      item["class"] = m.subject;
      item["metric"] = m.metric;
      item["units"] = m.units;
      item["description"] = m.long_name;
      item["better"] = std::string(better_name(m.better));
      item["pairs"] = m.paired.pairs;
      item["baseline"] = json_estimate(m.paired.baseline);
      item["option"] = json_estimate(m.paired.option);
      item["difference"] = json_estimate(m.paired.difference);
      item["relative"] = json_estimate(m.paired.relative);
      item["per_musd"] = json_estimate(m.per_musd);
      item["verdict"] = m.verdict;
      measures.push_back(std::move(item));
    }
    option["measures"] = std::move(measures);
    list.push_back(std::move(option));
  }
  out["options"] = std::move(list);
  return out.dump(2);
}

void print_comparison(std::ostream& out, const std::vector<OptionComparison>& options) {
  char line[512];
  for (const OptionComparison& o : options) {
    std::snprintf(line, sizeof line, "Option %s (cost US$ %g million; %s)\n", o.name.c_str(), o.cost_musd,
                  o.path.c_str());
    out << line;
    std::snprintf(line, sizeof line, "  %-20s %-26s %9s %9s  %-30s %-26s %10s  %s\n", "measure", "of", "baseline",
                  "option", "difference [95% interval]", "relative [95% interval]", "per US$ M", "verdict");
    out << line;
    for (const MeasureComparison* found : printed_measures(o)) {
      const MeasureComparison& m = *found;
      std::snprintf(line, sizeof line, "  %-20s %-26s %9s %9s  %-30s %-26s %10s  %s\n", m.metric.c_str(),
                    subject_text(m).c_str(), plain(m.paired.baseline.mean).c_str(), plain(m.paired.option.mean).c_str(),
                    interval_text(m.paired.difference, 1.0, "%+.3f").c_str(),
                    interval_text(m.paired.relative, 100.0, "%+.1f%%").c_str(), per_cost_text(m.per_musd).c_str(),
                    m.verdict.c_str());
      out << line;
    }
    out << '\n';
  }
  if (options.empty()) return;
  out << "Options at a glance: option - baseline, means over replications (* where the 95% interval excludes 0)\n";
  std::snprintf(line, sizeof line, "  %-34s %9s %12s %12s %12s %12s %12s %12s\n", "option", "US$ M", "within 2 h",
                "within 6 h", "saved", "response h", "detected", "to alert h");
  out << line;
  for (const OptionComparison& o : options) {
    std::snprintf(line, sizeof line, "  %-34s %9g %12s %12s %12s %12s %12s %12s\n", o.name.c_str(), o.cost_musd,
                  glance_text(find(o, "sar", "all", "within_2h")).c_str(),
                  glance_text(find(o, "sar", "all", "within_6h")).c_str(),
                  glance_text(find(o, "sar", "all", "persons_saved")).c_str(),
                  glance_text(find(o, "sar", "all", "response_mean_h")).c_str(),
                  glance_text(find(o, "isr", "all", "detected_fraction")).c_str(),
                  glance_text(find(o, "isr", "all", "alert_mean_h")).c_str());
    out << line;
  }
  out << "  (within: fraction of incidents reached within 2 h or 6 h of the alert; saved: fraction of persons\n"
         "  saved; response: mean alert-to-scene time; detected: fraction of ISR targets detected before\n"
         "  leaving; to alert: mean time from a target's appearance to its state's alert.)\n";
}

}  // namespace mdasim
