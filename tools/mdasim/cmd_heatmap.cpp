// `mdasim heatmap RESULT.h5 --layer NAME [--variant NAME [--minus NAME]] [-o MAP.png|MAP.tif]
// [--list] [--width PX] [--range LOW,HIGH]`: draws one map layer of a results file as a PNG for a
// briefing (engine/render/heatmap.hpp), or exports it as a GeoTIFF for GIS tools
// (engine/io/geotiff.hpp) when the output ends in .tif or .tiff. With --minus, it draws (or
// exports) the cell-by-cell difference --variant minus --minus of the layer
// (engine/io/layer_difference.hpp) in diverging colours centred on zero. The land, coastline, sea
// lanes, patrol routes, bases and sensors come from the scenario that made the variant drawn (the
// --variant's): the variant group's `scenario_path` and `option_text` where a comparison file
// gives them, else the file's root attributes; the scenario file (found from any folder through
// the run's recorded working folder and absolute path) if it is still the one that was run, else
// the copy of its text stored in the file. The geodata are the files the run recorded
// (io/geodata_record.hpp) where they are still there and unchanged (checked by SHA-256), with a
// warning where they changed; if they are gone, land is drawn from the map's NaN cells, with a
// warning. --range sets the colour scale's value range of the PNG; the GeoTIFF holds the raw
// values (or differences) whatever it says. Everything printed that comes from the input (names,
// paths, attributes) is escaped (core/printable.hpp).
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "child_probe.hpp"
#include "commands.hpp"
#include "core/diagnostics.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "core/printable.hpp"
#include "core/suggest.hpp"
#include "core/units.hpp"
#include "geo/geojson.hpp"
#include "geo/grid.hpp"
#include "io/geodata_record.hpp"
#include "io/geotiff.hpp"
#include "io/layer_difference.hpp"
#include "io/map_reader.hpp"
#include "render/heatmap.hpp"
#include "render/map_markers.hpp"
#include "scenario/data_folders.hpp"
#include "scenario/load.hpp"
#include "scenario/read_sections.hpp"
#include "scenario/yaml_document.hpp"

namespace mdasim::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPrefix = "mdasim heatmap: ";

// Messages quote names, paths and attributes from the input: escaped, one line each.
void warn(const std::string& message) { std::cerr << kPrefix << "warning: " << printable(message) << '\n'; }

int fail(int status, const std::string& message) {
  std::cerr << kPrefix << "error: " << printable(message) << '\n';
  return status;
}

std::optional<int> parse_width(const std::string& text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < kMinHeatmapWidthPx || value > kMaxHeatmapWidthPx) {
    return std::nullopt;
  }
  return value;
}

// "LOW,HIGH": two finite numbers, LOW below HIGH; else why not.
struct RangeParse {
  std::optional<ValueRange> range;
  std::string problem;
};

RangeParse parse_range(const std::string& text) {
  const std::string example = " (for example 0,0.05)";
  const std::string not_a_range = "--range '" + text + "' is not LOW,HIGH with two finite numbers" + example;
  const std::size_t comma = text.find(',');
  if (comma == std::string::npos) return {std::nullopt, not_a_range};
  const std::optional<double> low = parse_number(text.substr(0, comma));
  const std::optional<double> high = parse_number(text.substr(comma + 1));
  if (!low || !high) return {std::nullopt, not_a_range};
  if (!(*low < *high)) return {std::nullopt, "--range '" + text + "': LOW must be below HIGH" + example};
  return {ValueRange{*low, *high}, ""};
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

enum class OutputFormat { kPng, kGeoTiff };

std::optional<OutputFormat> format_of(const fs::path& path) {
  const std::string ext = lower(path.extension().string());
  if (ext == ".png") return OutputFormat::kPng;
  if (ext == ".tif" || ext == ".tiff") return OutputFormat::kGeoTiff;
  return std::nullopt;
}

std::string number_text(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string degrees_range(double from, double to, const char* positive, const char* negative) {
  const auto one = [&](double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g", std::abs(v));
    return std::string(buf) + (v == 0.0 ? "" : (v > 0.0 ? positive : negative));
  };
  return one(from) + ".." + one(to);
}

// "  name   units  long_name" lines for every layer of a variant.
void print_layers(std::ostream& out, const MapVariant& variant) {
  std::size_t name_w = 5;
  std::size_t units_w = 5;
  for (const MapLayerInfo& l : variant.layers) {
    name_w = std::max(name_w, printable(l.name).size());
    units_w = std::max(units_w, printable(l.units).size());
  }
  const auto row = [&](const std::string& raw_name, const std::string& raw_units, const std::string& what) {
    const std::string name = printable(raw_name);
    const std::string units = printable(raw_units);
    out << "  " << name << std::string(name_w - name.size() + 2, ' ') << units
        << std::string(units_w - units.size() + 2, ' ') << printable(what) << '\n';
  };
  row("layer", "units", "long_name");
  for (const MapLayerInfo& l : variant.layers) row(l.name, l.units, l.long_name);
  for (const NotALayer& n : variant.not_layers) {
    out << "  (not a layer: " << printable(n.name) << ": " << printable(n.why) << ")\n";
  }
}

void print_list(std::ostream& out, const MapFile& file) {
  const ResultsAttributes& a = file.attributes();
  out << "Results file " << printable(file.path().string()) << '\n';
  if (!a.scenario_name.empty()) {
    out << "  scenario " << printable(a.scenario_name);
    if (!a.scenario_path.empty()) out << " (" << printable(a.scenario_path) << ")";
    if (a.replications) out << ", " << *a.replications << (*a.replications == 1 ? " replication" : " replications");
    if (a.seed) out << ", seed " << *a.seed;
    out << '\n';
  }
  for (const MapVariant& v : file.variants()) {
    const double cell = v.lon_deg.size() > 1 ? std::abs(v.lon_deg[1] - v.lon_deg[0]) : 0.0;
    const auto [lat_lo, lat_hi] = std::minmax(v.lat_deg.front(), v.lat_deg.back());
    out << "\nvariant " << printable(v.name) << ": " << v.lon_deg.size() << " x " << v.lat_deg.size() << " cells";
    if (cell > 0.0) out << " of " << number_text(cell) << " degree";
    out << ", cell centres " << degrees_range(v.lon_deg.front(), v.lon_deg.back(), "E", "W") << ", "
        << degrees_range(lat_lo, lat_hi, "N", "S") << '\n';
    print_layers(out, v);
  }
}

std::vector<std::string> variant_names(const MapFile& file) {
  std::vector<std::string> names;
  for (const MapVariant& v : file.variants()) names.push_back(v.name);
  return names;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Whether the variant has the layer; if not (or none is asked for), says so on stderr with the
// variant's layers: that it is not there, or what it is instead (a table, a dataset of another
// shape).
bool has_layer(const std::string& layer, const MapVariant& variant) {
  std::vector<std::string> layers;
  for (const MapLayerInfo& l : variant.layers) layers.push_back(l.name);
  if (!layer.empty() && std::find(layers.begin(), layers.end(), layer) != layers.end()) return true;
  std::string problem = layer.empty() ? std::string("--layer is required")
                                      : "no layer '" + layer + "' in variant '" + variant.name + "'" + did_you_mean(layer, layers);
  for (const NotALayer& n : variant.not_layers) {
    if (n.name == layer) problem = "'" + layer + "' in variant '" + variant.name + "' is not a map layer: " + n.why;
  }
  std::cerr << kPrefix << "error: " << printable(problem) << "; the layers of variant '" << printable(variant.name) << "' are:\n";
  print_layers(std::cerr, variant);
  return false;
}

// ---- The scenario behind the file, for land, lanes, routes, bases and sensors ------------------

// The attributes that say which scenario made a variant: the file's root attributes, with the
// variant group's own `scenario_path` and `option_text` in their place where the group has
// either (a comparison file, one group per option); the root's alone otherwise (a single run).
ResultsAttributes attributes_of(const MapFile& file, const MapVariant& variant) {
  ResultsAttributes a = file.attributes();
  if (!variant.scenario_path.empty() || !variant.option_text.empty()) {
    if (variant.scenario_path != a.scenario_path) a.scenario_absolute_path.clear();  // the root's, not this one's
    a.scenario_path = variant.scenario_path;
    a.option_text = variant.option_text;
  }
  return a;
}

// Where the scenario file named by the attributes may be now, best first: its absolute path as
// recorded, its path resolved against the folder the run was started in, and (for files that
// record neither) its path as given, from the current folder.
std::vector<std::string> scenario_places(const ResultsAttributes& a) {
  std::vector<std::string> places;
  const auto add = [&](const fs::path& p) {
    const std::string text = p.lexically_normal().string();
    if (std::find(places.begin(), places.end(), text) == places.end()) places.push_back(text);
  };
  if (a.scenario_path.empty()) return places;
  if (!a.scenario_absolute_path.empty()) add(a.scenario_absolute_path);
  const fs::path given(a.scenario_path);
  if (given.is_absolute()) {
    add(given);
  } else if (!a.working_folder.empty()) {
    add(fs::path(a.working_folder) / given);
  } else {
    add(given);
  }
  return places;
}

// The scenario's sections read without the whole-scenario checks, for its bases, assets and
// sensors when it no longer loads (its geodata files are gone): a geodata file not found now is
// left out.
std::optional<Scenario> read_without_checks(const std::string& text, const std::string& name,
                                            const std::vector<std::string>& data_folders) {
  Diagnostics ignored;
  std::optional<YamlDocument> doc = parse_yaml_text(text, std::make_shared<const std::string>(name), ignored);
  if (!doc || !doc->root.IsMap() || doc->root["option"].IsDefined()) return std::nullopt;
  ReadNotes notes;
  const ReadContext ctx{doc->file, &ignored, &notes, &data_folders};
  Scenario scenario;
  try {
    const fs::path folder = fs::path(name).parent_path();
    read_scenario_file(ctx, doc->root, folder.empty() ? std::string(".") : folder.string(), scenario);
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  for (std::string* path : {&scenario.geodata.land_path, &scenario.geodata.lanes_path, &scenario.geodata.countries_path}) {
    if (path_status(*path).kind != PathKind::kRegular) path->clear();
  }
  return scenario;
}

// The scenario named by the file's attributes: the file (found as scenario_places() says) if it
// is still the one that was run; else the copy of the text in the results file (the option's
// text first, for an option), read as if it were where the run found it, so that its relative
// paths resolve as they did; else that text read without checks. Says on stderr which it used.
std::optional<Scenario> scenario_of(const ResultsAttributes& a) {
  const std::vector<std::string> data_folders = shipped_data_folders();
  const std::vector<std::string> places = scenario_places(a);
  std::string found;
  for (const std::string& place : places) {
    if (found.empty() && path_status(place).kind == PathKind::kRegular) found = place;
  }
  // The name the stored text is read under: where the file was when the run read it.
  const std::string name = !places.empty() ? places.front() : std::string("scenario_text");
  if (!found.empty()) {
    Diagnostics diagnostics;
    std::optional<Scenario> s = load_scenario(found, diagnostics, data_folders);
    if (s && (a.scenario_text.empty() || (s->source_text == a.scenario_text && s->option_text == a.option_text))) {
      return s;
    }
    warn(s ? "the scenario file '" + found + "' has changed since the run; using the copy stored in the results file"
           : "the scenario file '" + found + "' no longer loads; using the copy stored in the results file");
  } else if (!places.empty()) {
    std::string looked;
    for (const std::string& place : places) looked += (looked.empty() ? "" : ", ") + place;
    warn("the scenario file '" + a.scenario_path + "' is not found (looked for " + looked +
         "); using the copy of its text stored in the results file");
  }
  if (!a.option_text.empty()) {
    Diagnostics diagnostics;
    if (std::optional<Scenario> s = load_scenario_text(a.option_text, name, diagnostics, data_folders)) return s;
  }
  if (a.scenario_text.empty()) {
    warn("the results file holds no scenario text; no bases, sensors, sea lanes or patrol routes are drawn");
    return std::nullopt;
  }
  Diagnostics diagnostics;
  if (std::optional<Scenario> s = load_scenario_text(a.scenario_text, name, diagnostics, data_folders)) return s;
  std::optional<Scenario> s = read_without_checks(a.scenario_text, name, data_folders);
  if (!s) {
    warn("the scenario text stored in the results file cannot be read; no bases, sensors, sea lanes or patrol routes "
         "are drawn");
  }
  return s;
}

struct Geodata {
  std::vector<PolygonRings> land;
  std::vector<std::vector<GeoPoint>> lanes;
  bool have_land = false;
};

// The file to draw one geodata layer from: the one the run recorded if it is still there and
// unchanged, else the scenario's (as it resolves now) if that is the same file by its SHA-256;
// else whichever of them can be read, with a warning that it changed; "" (with a warning) if
// none can. Without a record (files written before it existed), the scenario's.
std::string geodata_file(std::string_view layer, const std::string& current, const ResultsAttributes& a) {
  const auto recorded = std::find_if(a.geodata.begin(), a.geodata.end(),
                                     [&](const RecordedGeodata& g) { return g.layer == layer; });
  if (recorded == a.geodata.end()) return current;
  std::vector<std::string> candidates{recorded->path};
  if (!current.empty() && fs::path(current).lexically_normal() != fs::path(recorded->path).lexically_normal()) {
    candidates.push_back(current);
  }
  std::string changed;
  for (const std::string& candidate : candidates) {
    const RecordMatch match = compare_with_record(candidate, recorded->sha256);
    if (match == RecordMatch::kSame) return candidate;
    if (match == RecordMatch::kChanged && changed.empty()) changed = candidate;
  }
  if (!changed.empty()) {
    warn("the " + std::string(layer) + " file '" + changed + "' has changed since the run (its SHA-256 differs from the " +
         "one recorded); drawing it as it is now");
    return changed;
  }
  warn("the " + std::string(layer) + " file the run read, '" + recorded->path + "', is gone" +
       (candidates.size() > 1 ? " (and so is the scenario's, '" + current + "')" : std::string()));
  return "";
}

Geodata geodata_of(const std::optional<Scenario>& scenario, const ResultsAttributes& a) {
  Geodata g;
  const std::string land_path = geodata_file("land", scenario ? scenario->geodata.land_path : "", a);
  const std::string lanes_path = geodata_file("lanes", scenario ? scenario->geodata.lanes_path : "", a);
  if (!land_path.empty()) {
    Diagnostics diagnostics;
    if (std::optional<PolygonLayer> land = read_polygon_layer(land_path, diagnostics)) {
      g.land = std::move(land->polygons);
      g.have_land = true;
    } else {
      warn("cannot read the land file: " + (diagnostics.items().empty() ? land_path : diagnostics.items().front().str()));
    }
  }
  if (!lanes_path.empty()) {
    Diagnostics diagnostics;
    if (std::optional<LineLayer> lanes = read_line_layer(lanes_path, diagnostics)) {
      g.lanes = std::move(lanes->lines);
    } else {
      warn("cannot read the sea-lanes file: " +
           (diagnostics.items().empty() ? lanes_path : diagnostics.items().front().str()) + "; sea lanes are not drawn");
    }
  }
  if (!g.have_land) {
    warn(std::string(land_path.empty() && lanes_path.empty() ? "the scenario's geodata files are gone"
                                                               : "the land file is not available") +
         "; land is drawn from the map's NaN cells, without a coastline");
  }
  return g;
}

// ---- Texts -------------------------------------------------------------------------------------

std::string capitalised(std::string text) {
  if (!text.empty() && std::islower(static_cast<unsigned char>(text[0]))) {
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  }
  return text;
}

std::string range_text(const ValueScale& s, const std::string& units) {
  const std::string u = units.empty() || units == "1" ? "" : " " + units;
  if (s.user_range) return "range " + number_text(s.low) + " to " + number_text(s.high) + u + " (set by --range)";
  if (!s.any_value) return s.difference ? "no values in this difference" : "no values in this layer";
  if (s.difference) return "symmetric range " + number_text(s.low) + " to " + number_text(s.high) + u;
  if (s.fraction) return "fixed range 0 to 1";
  return "layer's range " + number_text(s.low) + " to " + number_text(s.high) + u;
}

// "Labelled 3 of 4 <what>; not labelled (no room): ..." when there are candidates.
void print_labelled(std::ostream& out, std::size_t candidates, const char* what,
                    const std::vector<std::string>& labelled, const std::vector<std::string>& unlabelled) {
  if (candidates == 0) return;
  out << "Labelled " << labelled.size() << " of " << candidates << ' ' << what;
  if (!unlabelled.empty()) out << "; not labelled (no room): " << printable(joined(unlabelled));
  out << '\n';
}

// ---- GeoTIFF -------------------------------------------------------------------------------------

// `difference`: "OPT minus BASE" for a difference map, said in the band's description and the
// message; "" for a layer as it is.
int export_geotiff(const std::string& output, const MapLayerData& layer, const std::string& difference) {
  const std::size_t rows = layer.lat_deg.size();
  const std::size_t cols = layer.lon_deg.size();
  if (rows < 2 || cols < 2) return fail(kExitBadInput, "the grid is too small (at least 2 x 2 cells) for a GeoTIFF");
  const double dlon = (layer.lon_deg.back() - layer.lon_deg.front()) / static_cast<double>(cols - 1);
  const double dlat_signed = (layer.lat_deg.back() - layer.lat_deg.front()) / static_cast<double>(rows - 1);
  const double dlat = std::abs(dlat_signed);
  if (!(dlon > 0.0) || std::abs(dlat - dlon) > 1e-6 * dlon) {
    return fail(kExitBadInput, "the map's cells are not square degrees west to east; cannot export a GeoTIFF");
  }
  // Cell size and edges snapped to a nano-degree, so that a 0.1 degree grid is written as 0.1
  // (cell centres read back from the file carry rounding of the order of 1e-15).
  const auto snap = [](double deg) { return std::round(deg * 1e9) / 1e9; };
  const double cell = snap(dlon);
  const double lon_west = snap(layer.lon_deg.front() - cell / 2.0);
  const double lat_south = snap(std::min(layer.lat_deg.front(), layer.lat_deg.back()) - cell / 2.0);
  const Grid grid(lon_west, lat_south, lon_west + static_cast<double>(cols) * cell,
                  lat_south + static_cast<double>(rows) * cell, cell);
  if (static_cast<std::size_t>(grid.cols()) != cols || static_cast<std::size_t>(grid.rows()) != rows) {
    return fail(kExitBadInput, "the map's coordinates do not form a regular grid; cannot export a GeoTIFF");
  }
  std::vector<float> values = layer.values;
  if (dlat_signed < 0.0) {  // stored north first: write_geotiff wants row 0 southernmost
    for (std::size_t r = 0; r < rows / 2; ++r) {
      std::swap_ranges(values.begin() + static_cast<std::ptrdiff_t>(r * cols),
                       values.begin() + static_cast<std::ptrdiff_t>((r + 1) * cols),
                       values.begin() + static_cast<std::ptrdiff_t>((rows - 1 - r) * cols));
    }
  }
  const std::string what = layer.info.long_name.empty() ? layer.info.name : layer.info.long_name;
  try {
    write_geotiff(output, grid, values, layer.info.units, difference.empty() ? what : what + ": " + difference);
  } catch (const std::exception& e) {
    return fail(kExitFailure, e.what());
  }
  std::cout << printable("GeoTIFF of " + layer.info.name + " (" + (difference.empty() ? "" : difference + ", ") +
                         std::to_string(cols) + " x " + std::to_string(rows) + " cells, EPSG:4326) written to " + output)
            << '\n';
  return kExitOk;
}

// ---- The command ---------------------------------------------------------------------------------

struct HeatmapRequest {
  std::string results;
  std::string layer;
  std::string variant;
  std::string minus;  // the variant subtracted from `variant` (a difference map); "" for none
  std::string output;
  bool list = false;
  int width_px = kDefaultHeatmapWidthPx;
  std::optional<ValueRange> range;
  bool reads_only = false;  // stop once every read from the results file is made (child_probe.hpp)
};

int run_heatmap(const HeatmapRequest& request) {
  std::optional<MapFile> opened;
  try {
    opened.emplace(request.results);
  } catch (const MapFileError& e) {
    return fail(kExitBadInput, e.what());
  }
  const MapFile& file = *opened;
  for (const std::string& w : file.warnings()) warn("'" + request.results + "': " + w);
  if (file.variants().empty()) {
    return fail(kExitBadInput, "'" + request.results +
                                   "' holds no maps (no '<variant>/maps' group with lat and lon); expected a results "
                                   "file written by 'mdasim run -o'");
  }
  if (request.list) {
    print_list(std::cout, file);
    return kExitOk;
  }

  // The variant: as asked, else the only one, else "baseline".
  const std::vector<std::string> variants = variant_names(file);
  const bool difference = !request.minus.empty();
  // Said after the variants when one named is not there: a difference map needs two.
  const std::string needs_two = difference && variants.size() < 2
                                    ? "; a difference map needs a file with several variants, such as one written by "
                                      "'mdasim compare'"
                                    : "";
  const auto no_variant = [&](const std::string& name, const char* option) {
    return fail(kExitBadInput, "no variant '" + name + "'" + option + " in '" + request.results + "'" +
                                   did_you_mean(name, variants) + "; the variants are: " + joined(variants) +
                                   needs_two);
  };
  if (difference && request.variant.empty()) {
    return fail(kExitBadInput, "--minus '" + request.minus +
                                   "' needs --variant, the variant to subtract it from; the variants are: " +
                                   joined(variants) + needs_two);
  }
  std::string variant = request.variant;
  if (variant.empty()) {
    if (variants.size() == 1) {
      variant = variants.front();
    } else if (file.find_variant("baseline") != nullptr) {
      variant = "baseline";
    } else {
      return fail(kExitBadInput, "'" + request.results + "' holds several variants; choose one with --variant: " +
                                     joined(variants));
    }
  }
  const MapVariant* v = file.find_variant(variant);
  if (v == nullptr) return no_variant(variant, "");
  const MapVariant* base = nullptr;  // the variant subtracted, for a difference map
  if (difference) {
    base = file.find_variant(request.minus);
    if (base == nullptr) return no_variant(request.minus, " (--minus)");
    if (base == v) {
      return fail(kExitBadInput, "--minus '" + request.minus + "' is the variant drawn (--variant); a difference map "
                                 "subtracts another variant, such as 'baseline'");
    }
  }
  if (!has_layer(request.layer, *v) || (base != nullptr && !has_layer(request.layer, *base))) return kExitBadInput;

  const std::string output = request.output.empty() ? request.layer + ".png" : request.output;
  const std::optional<OutputFormat> format = format_of(output);
  if (!format) return fail(kExitBadInput, "-o '" + output + "': expected a name ending in .png, .tif or .tiff");
  // Never over a device, FIFO or folder (core/output_file.hpp), nor over the results file read.
  if (const std::string problem = output_target_problem(output); !problem.empty()) {
    return fail(kExitBadInput, "-o '" + output + "'" + problem);
  }
  if (same_file(output, request.results)) {
    return fail(kExitBadInput, "-o '" + output + "' is the results file this command reads; writing it would "
                               "destroy it (choose another output name)");
  }

  // "OPT minus BASE" for a difference map.
  const std::string minus_text = difference ? variant + " minus " + request.minus : "";
  MapLayerData data;
  MapLayerData subtracted;
  try {
    data = file.read_layer(variant, request.layer);
    if (difference) subtracted = file.read_layer(request.minus, request.layer);
  } catch (const std::exception& e) {
    return fail(kExitBadInput, e.what());
  }
  if (difference) {
    try {
      data = layer_difference(data, subtracted);
    } catch (const std::invalid_argument& e) {
      return fail(kExitBadInput, "cannot subtract variant '" + request.minus + "' from variant '" + variant +
                                     "' (layer " + request.layer + "): " + e.what());
    }
  }
  if (*format == OutputFormat::kGeoTiff) {
    if (request.reads_only) return kExitOk;
    if (request.range) {
      warn(std::string("--range sets the colours of a PNG; the GeoTIFF holds the ") +
           (difference ? "differences" : "layer's raw values"));
    }
    return export_geotiff(output, data, minus_text);
  }

  const ResultsAttributes attrs = attributes_of(file, *v);
  HeatmapScene scene;
  try {
    scene.land_cells = file.nan_in_every_layer(variant);
    if (difference) {  // land in either variant (the same land, as a rule)
      const std::vector<std::uint8_t> base_land = file.nan_in_every_layer(request.minus);
      for (std::size_t i = 0; i < scene.land_cells.size() && i < base_land.size(); ++i) {
        scene.land_cells[i] = std::max(scene.land_cells[i], base_land[i]);
      }
    }
  } catch (const std::exception& e) {
    return fail(kExitBadInput, e.what());
  }
  if (request.reads_only) return kExitOk;
  const std::optional<Scenario> scenario = scenario_of(attrs);
  Geodata geodata = geodata_of(scenario, attrs);
  scene.land = std::move(geodata.land);
  scene.lanes = std::move(geodata.lanes);
  if (scenario) {
    scene.markers = scenario_markers(*scenario);
    scene.routes = scenario_routes(*scenario);
  }
  scene.value_range = request.range;

  scene.layer = {data.info.name, data.info.units, data.info.long_name, std::move(data.lat_deg), std::move(data.lon_deg),
                 std::move(data.values), difference};
  scene.title = capitalised(data.info.long_name.empty() ? data.info.name : data.info.long_name) +
                (difference ? ": " + minus_text : "");
  std::ostringstream subtitle;
  subtitle << "Scenario " << (attrs.scenario_name.empty() ? std::string("(unnamed)") : attrs.scenario_name)
           << "  \u00B7  " << (difference ? minus_text : "variant " + variant);
  if (attrs.replications) {
    subtitle << "  \u00B7  " << *attrs.replications << (*attrs.replications == 1 ? " replication" : " replications");
  }
  subtitle << "  \u00B7  layer " << data.info.name << (data.info.units.empty() ? "" : " (" + data.info.units + ")");
  if (difference) subtitle << "  \u00B7  negative: lower in " << variant << " than in " << request.minus;
  scene.subtitle = subtitle.str();

  const ValueScale scale = value_scale(scene.layer, scene.value_range);
  std::size_t candidates = 0;
  for (const MapMarker& m : scene.markers) candidates += m.label.empty() ? 0u : 1u;
  std::size_t route_candidates = 0;
  for (const MapRoute& r : scene.routes) route_candidates += r.label.empty() ? 0u : 1u;
  bool no_data = false;  // a sea cell without a value
  for (std::size_t i = 0; i < scene.layer.values.size() && !no_data; ++i) {
    no_data = std::isnan(scene.layer.values[i]) && scene.land_cells[i] == 0;
  }
  std::ostringstream footnote;
  footnote << "Equirectangular projection. Colours: " << scale.colormap
           << (difference ? " (blue below zero, red above)" : "") << ", " << range_text(scale, data.info.units)
           << ". Land: " << (geodata.have_land ? "the scenario's land polygons" : "cells with no value in any layer")
           << (no_data ? "; hatched: sea cells with no value." : ".");
  footnote << "\nSource: " << fs::path(request.results).filename().string();
  if (attrs.seed) footnote << ", seed " << *attrs.seed;
  if (!attrs.engine_version.empty()) footnote << ", mdasim " << attrs.engine_version;
  footnote << ". Labels: airfields and ports hosting assets, the most units first"
           << (scene.routes.empty() ? "" : ", then patrols (italics)") << ", where there is room.";
  scene.footnote = footnote.str();

  HeatmapImage image;
  try {
    image = render_heatmap(scene, request.width_px);
    release_render_caches();  // one picture per run: leave no font caches behind
    write_png(output, image);
  } catch (const std::invalid_argument& e) {
    return fail(kExitBadInput, std::string("cannot draw layer '") + data.info.name + "': " + e.what());
  } catch (const std::exception& e) {
    return fail(kExitFailure, e.what());
  }
  std::cout << printable((difference ? "Difference map of " : "Heatmap of ") + data.info.name + " (" +
                         (difference ? minus_text : "variant " + variant) + ", " + range_text(scale, data.info.units) +
                         ") written to " + output)
            << " (" << image.width_px << " x " << image.height_px << " px)\n";
  print_labelled(std::cout, candidates, "bases hosting assets", image.labelled, image.unlabelled);
  print_labelled(std::cout, route_candidates, "patrol routes", image.labelled_routes, image.unlabelled_routes);
  return kExitOk;
}

}  // namespace

void add_heatmap_command(CLI::App& app, std::function<int()>& run) {
  struct Options {
    HeatmapRequest request;
    std::string width;
    CLI::Option* width_given = nullptr;
    std::string range;
    CLI::Option* range_given = nullptr;
    // Options that name something: given empty (`--minus ""`), they are usage errors.
    std::vector<std::pair<CLI::Option*, std::string>> names;  // (option, what it names)
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("heatmap", "Draw a map layer of a results file as a PNG (or export a GeoTIFF)");
  cmd->add_option("RESULT", options->request.results, "Results file (HDF5) written by 'mdasim run -o'")
      ->required()
      ->type_name("RESULT.h5");
  options->names.emplace_back(
      cmd->add_option("--layer", options->request.layer, "The map layer to draw (see --list)")->type_name("NAME"),
      "the name of a map layer (see --list)");
  options->names.emplace_back(cmd->add_option("--variant", options->request.variant,
                                              "The variant (group) to draw from (default: the only one, or 'baseline')")
                                  ->type_name("NAME"),
                              "the name of a variant (see --list)");
  options->names.emplace_back(
      cmd->add_option("--minus", options->request.minus,
                      "Draw the difference --variant minus this variant, cell by cell (a comparison file's variants "
                      "on one grid), in diverging colours centred on zero")
          ->type_name("NAME"),
      "the name of the variant to subtract (see --list)");
  options->names.emplace_back(
      cmd->add_option("-o,--output", options->request.output,
                      "Output file: .png draws the map, .tif or .tiff exports a GeoTIFF (default: LAYER.png in the "
                      "current folder)")
          ->type_name("MAP.png"),
      "a file name ending in .png, .tif or .tiff");
  cmd->add_flag("--list", options->request.list, "List the variants and layers of the file, then stop");
  options->width_given = cmd->add_option("--width", options->width,
                                         "Image width in pixels, " + std::to_string(kMinHeatmapWidthPx) + " to " +
                                             std::to_string(kMaxHeatmapWidthPx) + " (default: " +
                                             std::to_string(kDefaultHeatmapWidthPx) + "); the height follows the "
                                             "region's shape")
                             ->type_name("PX");
  options->range_given = cmd->add_option("--range", options->range,
                                         "The colour scale's value range, overriding the automatic one (PNG only); "
                                         "values outside it take the end colours")
                             ->type_name("LOW,HIGH");
  cmd->footer(
      "Examples:\n"
      "  mdasim heatmap baseline.h5 --list\n"
      "  mdasim heatmap baseline.h5 --layer expected_response_h -o response.png\n"
      "  mdasim heatmap baseline.h5 --layer radar_covered_fraction --width 2400\n"
      "  mdasim heatmap baseline.h5 --layer patrol_covered_fraction --range 0,0.05   (small fractions)\n"
      "  mdasim heatmap baseline.h5 --layer expected_response_h -o response.tif   (GeoTIFF for QGIS)\n"
      "  mdasim heatmap compare.h5 --layer expected_response_h --variant tc90-second-transfer --minus baseline\n\n"
      "The map is equirectangular, with land, coastline and sea lanes from the scenario's geodata,\n"
      "its patrol routes (dashed lines, a station as an open circle, labelled where there is room)\n"
      "and its airfields, ports, coastal radars and AIS receivers. Layers in units '1' use viridis,\n"
      "times ('h') magma reversed (short = light); fractions span 0 to 1, other layers their own\n"
      "range, unless --range sets it (the footnote then says 'set by --range'); values outside the\n"
      "range take the end colours. A GeoTIFF holds the raw values, whatever --range says.\n"
      "With --minus BASE, the map is the difference --variant minus BASE, cell by cell, in the layer's\n"
      "units (no value where either has none), coloured by ColorBrewer's RdBu reversed (blue below\n"
      "zero, red above) over a range symmetric about zero, +/- the largest difference; --range\n"
      "replaces it, and zero is then at the centre only if the range is symmetric. The bases, sensors\n"
      "and routes are the --variant's. A GeoTIFF holds the differences.\n"
      "Land, lanes and routes come from the scenario file the results file names (for a variant of a\n"
      "comparison file, the option file its group names), found from any folder (the file records\n"
      "the folder the run started in and the scenario's absolute path); if it is gone or changed, from\n"
      "the copy of its text stored in the results file. Land and lanes are drawn from the geodata\n"
      "files the run read, as recorded with their SHA-256 (a warning says if one has changed); if\n"
      "they are gone, land is drawn from the cells with no value in any layer (a warning says so).\n"
      "The PNG is written under a temporary name and renamed when complete.\n"
      "Exit status: 0 success, 1 failure while writing, 2 bad input or options (missing,\n"
      "non-HDF5, truncated or malformed file, unknown variant or layer, a dataset that is not a\n"
      "(lat, lon) map, an empty --layer, --variant, --minus or -o, --minus the same as --variant,\n"
      "variants on different grids, bad --width or --range).");
  cmd->callback([options, &run] {
    run = [options]() -> int {
      HeatmapRequest request = options->request;
      for (const auto& [option, what] : options->names) {
        if (option->count() > 0 && option->as<std::string>().empty()) {
          return fail(kExitBadInput, option->get_name(false, true) + " is empty; expected " + what);
        }
      }
      if (options->width_given->count() > 0) {
        const std::optional<int> width = parse_width(options->width);
        if (!width) {
          return fail(kExitBadInput, "--width '" + options->width + "' is not a whole number from " +
                                         std::to_string(kMinHeatmapWidthPx) + " to " +
                                         std::to_string(kMaxHeatmapWidthPx));
        }
        request.width_px = *width;
      }
      if (options->range_given->count() > 0) {
        const RangeParse range = parse_range(options->range);
        if (!range.range) return fail(kExitBadInput, range.problem);
        request.range = range.range;
      }
      // libhdf5 1.10 can crash on a damaged results file: every read this command makes is made
      // first in a child process (child_probe.hpp), so damage is an error, not a crash.
      HeatmapRequest probe = request;
      probe.reads_only = true;
      if (const std::optional<std::string> failure =
              failure_in_child([&probe] { (void)run_heatmap(probe); }, std::chrono::seconds(300))) {
        return fail(kExitBadInput, "'" + printable(request.results) + "' cannot be read: " + *failure +
                                       " in the HDF5 library; the file is damaged (was it copied whole?)");
      }
      return run_heatmap(request);
    };
  });
}

}  // namespace mdasim::cli
