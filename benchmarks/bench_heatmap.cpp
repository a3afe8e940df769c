// Cost of drawing a map for a briefing (`mdasim heatmap`): the shipped ASEAN baseline's analytic
// SAR response-time field (scenarios/asean-baseline.yaml, 0.1 degree grid, 166,500 cells) drawn
// with its land polygons, sea lanes, bases and sensors (render_heatmap) at 1600 and 3200 pixels
// wide, and the picture written as PNG (write_png). The scene is prepared once, outside the
// timed loops. Results and commands: benchmarks/README.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <utility>

#include "baseline_scenario.hpp"
#include "core/diagnostics.hpp"
#include "geo/geojson.hpp"
#include "model/response_field.hpp"
#include "model/sar_setup.hpp"
#include "render/heatmap.hpp"
#include "render/map_markers.hpp"

namespace {

using mdasim::bench::baseline;
using mdasim::bench::baseline_geography;

// The scene `mdasim heatmap` draws for the baseline's expected_response_h layer.
const mdasim::HeatmapScene& baseline_scene() {
  static const mdasim::HeatmapScene scene = [] {
    const mdasim::Scenario& sc = baseline();
    const mdasim::Geography& geo = baseline_geography();
    const mdasim::SarSetup setup(sc, geo, 2);
    const mdasim::ResponseField field = mdasim::analytic_response_field(setup, {.threads = 2});
    mdasim::HeatmapScene s;
    const mdasim::Grid& g = geo.grid();
    s.layer.name = "expected_response_h";
    s.layer.units = "h";
    s.layer.long_name = "expected SAR response time";
    for (int r = 0; r < g.rows(); ++r) s.layer.lat_deg.push_back(g.center_lat(r));
    for (int c = 0; c < g.cols(); ++c) s.layer.lon_deg.push_back(g.center_lon(c));
    s.layer.values = field.expected_response_h;
    for (const std::uint8_t sea : geo.sea.sea()) s.land_cells.push_back(sea != 0 ? 0 : 1);
    mdasim::Diagnostics diagnostics;
    std::optional<mdasim::PolygonLayer> land = mdasim::read_polygon_layer(sc.geodata.land_path, diagnostics);
    std::optional<mdasim::LineLayer> lanes = mdasim::read_line_layer(sc.geodata.lanes_path, diagnostics);
    if (!land || !lanes) {
      diagnostics.print(std::cerr);
      std::abort();
    }
    s.land = std::move(land->polygons);
    s.lanes = std::move(lanes->lines);
    s.markers = mdasim::scenario_markers(sc);
    s.title = "Expected SAR response time";
    s.subtitle = "Scenario " + sc.name + "  \u00B7  variant baseline  \u00B7  layer expected_response_h (h)";
    s.footnote = "Equirectangular projection.\nSource: bench_heatmap.";
    return s;
  }();
  return scene;
}

// Drawing the picture (cells, land, coastline, lanes, markers and labels, graticule, texts).
void BM_RenderHeatmap(benchmark::State& state) {
  const mdasim::HeatmapScene& scene = baseline_scene();
  const auto width = static_cast<int>(state.range(0));
  int height = 0;
  for (auto _ : state) {
    const mdasim::HeatmapImage image = mdasim::render_heatmap(scene, width);
    height = image.height_px;
    benchmark::DoNotOptimize(image.pixels.data());
  }
  state.counters["height_px"] = height;
  state.counters["cells"] = static_cast<double>(scene.layer.values.size());
}
BENCHMARK(BM_RenderHeatmap)->Arg(1600)->Arg(3200)->Unit(benchmark::kMillisecond);

// Writing a drawn 1600-pixel picture as PNG (to the temporary folder).
void BM_WritePng(benchmark::State& state) {
  const mdasim::HeatmapImage image = mdasim::render_heatmap(baseline_scene(), 1600);
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("bench_heatmap-" + std::to_string(getpid()) + ".png");
  for (auto _ : state) mdasim::write_png(path, image);
  state.counters["file_bytes"] = static_cast<double>(std::filesystem::file_size(path));
  std::filesystem::remove(path);
}
BENCHMARK(BM_WritePng)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
