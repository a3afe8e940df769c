// mdasim_validation_report DOCS_DIR: runs every validation case (cases/) and writes
// DOCS_DIR/validation.md: for each case the closed form, the parameters, the scenario, and per
// check the analytic value, the simulated value with its 95% interval, the criterion and pass
// or fail; and, for the cases with a plot, DOCS_DIR/images/<stem>.png (simulated points with
// their intervals on the analytic curves, drawn with the engine's chart renderer). The text is
// written under a temporary name and renamed when complete. Exit status 0 when every case
// passes, 1 when one fails (the report is still written, saying so), 2 for bad usage.
// Regenerate with tools/validation-report.sh.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cases/validation_case.hpp"
#include "mdasim/version.hpp"
#include "render/chart.hpp"
#include "render/heatmap.hpp"  // release_render_caches

namespace {

using namespace mdasim::validation;
namespace fs = std::filesystem;

std::string number(double v) {
  if (std::isnan(v)) return "";
  char buf[40];
  const double a = std::abs(v);
  if (v == std::round(v) && a < 1e9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  std::snprintf(buf, sizeof buf, a != 0.0 && (a < 1e-3 || a >= 1e6) ? "%.4g" : (a >= 100.0 ? "%.2f" : "%.4f"), v);
  return buf;
}

std::string interval(const Check& c) {
  if (std::isnan(c.ci_low)) return "";
  return "[" + number(c.ci_low) + ", " + number(c.ci_high) + "]";
}

std::string escape(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += "\\|";
    else if (ch == '*') out += "\\*";
    else out += ch;
  }
  return out;
}

// The case's plot as DOCS_DIR/images/<stem>.png: the analytic curves, and the simulated points
// with their 95% intervals. Returns the image's path relative to DOCS_DIR.
std::string write_plot(const CasePlot& plot, const fs::path& docs) {
  mdasim::Chart chart;
  chart.title = plot.title;
  chart.subtitle = "simulated points with their 95% intervals on the closed form";
  chart.x_label = plot.x_label;
  chart.y_label = plot.y_label;
  chart.footnote = "Written by tools/validation-report.sh (mdasim " + std::string(mdasim::kVersion) + ").";
  // Curves in blues and greys, points in warm colours, in order.
  const mdasim::Rgb curve_colours[] = {{0.20, 0.33, 0.60}, {0.35, 0.60, 0.80}, {0.45, 0.45, 0.45}};
  const mdasim::Rgb point_colours[] = {{0.80, 0.20, 0.10}, {0.90, 0.55, 0.05}, {0.55, 0.15, 0.45}};
  for (std::size_t i = 0; i < plot.curves.size(); ++i) {
    const PlotCurve& c = plot.curves[i];
    chart.curves.push_back({c.label, c.x, c.y, curve_colours[i % std::size(curve_colours)], c.dashed});
  }
  for (std::size_t i = 0; i < plot.series.size(); ++i) {
    const PlotSeries& p = plot.series[i];
    chart.points.push_back({p.label, p.x, p.y, p.y_low, p.y_high, point_colours[i % std::size(point_colours)]});
  }
  const std::string relative = "images/" + plot.file_stem + ".png";
  fs::create_directories(docs / "images");
  mdasim::write_chart_png(chart, 1000, 640, docs / relative);
  return relative;
}

void write_case(std::ostream& md, const CaseResult& r, const fs::path& docs) {
  md << "## " << r.title << "\n\n";
  md << "- **Closed form:** `" << r.formula << "`\n";
  md << "- **Parameters:** " << escape(r.parameters) << "\n";
  md << "- **Scenario" << (r.scenarios.size() > 1 ? "s" : "") << ":** ";
  for (std::size_t i = 0; i < r.scenarios.size(); ++i) {
    md << (i > 0 ? ", " : "") << "[" << r.scenarios[i] << "](../" << r.scenarios[i] << ")";
  }
  md << "\n";
  md << "- **Result:** " << (r.passed() ? "pass" : "FAIL") << "\n\n";
  if (!r.problem.empty()) md << "The case could not run: " << escape(r.problem) << "\n\n";
  if (!r.checks.empty()) {
    md << "| quantity | analytic (or bound) | simulated | 95% interval | criterion | result |\n";
    md << "|---|---|---|---|---|---|\n";
    for (const Check& c : r.checks) {
      md << "| " << escape(c.what) << " | " << number(c.analytic) << " | " << number(c.simulated) << " | "
         << interval(c) << " | " << escape(c.criterion) << " | " << (c.passed ? "pass" : "FAIL") << " |\n";
    }
    md << "\n";
  }
  if (r.plot) md << "![" << r.plot->title << "](" << write_plot(*r.plot, docs) << ")\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: mdasim_validation_report DOCS_DIR\n";
    return 2;
  }
  const fs::path docs(argv[1]);
  std::error_code ec;
  if (!fs::is_directory(docs, ec)) {
    std::cerr << "mdasim_validation_report: error: '" << docs.string() << "' is not a folder\n";
    return 2;
  }
  std::vector<CaseResult> cases;
  for (auto run_case : {distances_case, poisson_lanes_case, radar_coverage_case, patrol_revisit_case,
                        random_search_case, parallel_sweep_case, mm_c_queue_case}) {
    cases.push_back(run_case());
    std::cerr << cases.back().id << ": " << (cases.back().passed() ? "pass" : "FAIL") << '\n';
  }
  std::ostringstream md;
  md << "# Validation against analytic truths\n\n"
     << "Each case below is a small scenario in the repository, run end to end through the engine (the same\n"
     << "loading, geography, replications and records as `mdasim run`) and compared with a value known in\n"
     << "closed form. A check passes when the analytic value lies inside the simulation's 95% interval and\n"
     << "that interval is narrower than the stated tolerance, or, for a statistic (a chi-square, a count of\n"
     << "cases that break a rule), when it is within its bound. Seeds are fixed, so the results are the\n"
     << "same on every run; the same cases are asserted by the test suite (`ctest -L validation`,\n"
     << "tests/validation/). The models and their equations are in [model-reference.md](model-reference.md).\n\n"
     << "This file is written by `tools/validation-report.sh` (mdasim " << mdasim::kVersion << "); do not edit\n"
     << "it by hand.\n\n";
  md << "| case | checks | result |\n|---|---|---|\n";
  bool all = true;
  for (const CaseResult& r : cases) {
    std::size_t passed = 0;
    for (const Check& c : r.checks) passed += c.passed ? 1 : 0;
    all = all && r.passed();
    md << "| " << r.title << " | " << passed << " of " << r.checks.size() << " pass | "
       << (r.passed() ? "pass" : "FAIL") << " |\n";
  }
  md << "\n";
  for (const CaseResult& r : cases) write_case(md, r, docs);
  mdasim::release_render_caches();  // the plots are drawn: leave no font caches behind

  const fs::path target = docs / "validation.md";
  const fs::path temp = target.string() + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << md.str();
    out.close();
    if (out.fail()) {
      fs::remove(temp, ec);
      std::cerr << "mdasim_validation_report: error: cannot write '" << target.string() << "'\n";
      return 1;
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    std::cerr << "mdasim_validation_report: error: cannot write '" << target.string() << "'\n";
    return 1;
  }
  std::cerr << "written " << target.string() << (all ? "" : " (some cases FAIL)") << '\n';
  return all ? 0 : 1;
}
