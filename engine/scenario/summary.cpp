// The summary `mdasim validate` prints: what a scenario contains, in planner's terms and units.
#include "scenario/summary.hpp"

#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "core/units.hpp"

namespace mdasim {
namespace {

std::string duration(double hours) {
  if (hours >= 48.0 && std::fmod(hours, 24.0) == 0.0) return fixed_decimals(hours / 24.0, 0) + " d";
  if (hours < 1.0 && hours > 0.0) return fixed_decimals(hours * 60.0, 0) + " min";
  return fixed_decimals(hours, hours == std::floor(hours) ? 0 : 1) + " h";
}

std::string lon_text(double lon) { return fixed_decimals(std::abs(lon), 1) + (lon < 0 ? "W" : "E"); }
std::string lat_text(double lat) { return fixed_decimals(std::abs(lat), 1) + (lat < 0 ? "S" : "N"); }

std::string distribution(const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::kFixed: return duration(d.a);
    case Distribution::Kind::kExponential: return "exponential, mean " + duration(d.a);
    case Distribution::Kind::kUniform: return "uniform " + duration(d.a) + " to " + duration(d.b);
    case Distribution::Kind::kNormal: return "normal, mean " + duration(d.a) + ", sd " + duration(d.b);
    case Distribution::Kind::kLognormal:
      return "lognormal, median " + duration(d.a) + ", mean " + duration(d.mean_h());
    case Distribution::Kind::kWeibull:
      return "Weibull, scale " + duration(d.a) + ", mean " + duration(d.mean_h());
  }
  return "";
}

std::string placement(const Placement& p) {
  if (p.kind == Placement::Kind::kAreas) return std::to_string(p.areas.size()) + " area(s)";
  return p.kind == Placement::Kind::kLanes ? "along lanes" : "uniform over sea";
}

}  // namespace

std::string fixed_decimals(double value, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

void print_summary(const Scenario& s, std::ostream& out) {
  out << "Scenario " << s.name;
  if (s.option) {
    out << " + option " << s.option->name << " (cost " << fixed_decimals(s.option->cost_musd, 2) << " MUSD)";
  }
  out << '\n';
  if (!s.description.empty()) {
    std::string d = s.description;
    while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
    out << "  " << d << '\n';
  }
  if (s.option && !s.option->description.empty()) out << "  Option: " << s.option->description << '\n';

  out << "\nRun:      " << duration(s.run.duration_h) << " per replication";
  if (s.run.warmup_h > 0) out << " (warm-up " << duration(s.run.warmup_h) << ")";
  out << ", " << s.run.replications << " replications, seed " << s.run.seed << '\n';
  const auto cells_lon = static_cast<long>(std::ceil((s.region.lon_max_deg - s.region.lon_min_deg) / s.region.cell_deg - 1e-9));
  const auto cells_lat = static_cast<long>(std::ceil((s.region.lat_max_deg - s.region.lat_min_deg) / s.region.cell_deg - 1e-9));
  out << "Region:   " << lon_text(s.region.lon_min_deg) << "-" << lon_text(s.region.lon_max_deg) << ", "
      << lat_text(s.region.lat_min_deg) << "-" << lat_text(s.region.lat_max_deg) << "; grid "
      << s.region.cell_deg << " deg = " << cells_lon << " x " << cells_lat << " cells\n";
  if (s.geodata.land_path.empty()) {
    out << "Geodata:  none named\n";
  } else {
    out << "Geodata:  land " << s.geodata.land_path << ", lanes " << s.geodata.lanes_path;
    if (!s.geodata.countries_path.empty()) out << ", countries " << s.geodata.countries_path;
    out << '\n';
  }

  std::map<BaseKind, int> base_kinds;
  for (const Base& b : s.bases) ++base_kinds[b.kind];
  out << "\nStates (" << s.states.size() << "):\n";
  for (const State& st : s.states) {
    out << "  " << st.code << "  " << std::left << std::setw(22) << st.name << std::right
        << " centre: " << st.coordination_centre << '\n';
  }
  out << "Bases (" << s.bases.size() << "):";
  const char* sep = " ";
  for (const auto& [kind, n] : base_kinds) {
    out << sep << n << ' ' << to_string(kind) << (n == 1 ? "" : "s");
    sep = ", ";
  }
  out << '\n';

  // Assets by state and category.
  struct Row {
    std::int64_t by_category[4] = {0, 0, 0, 0};
    std::int64_t isr = 0;
    std::int64_t sar = 0;
  };
  std::map<std::string, Row> rows;
  Row total;
  for (const Asset& a : s.assets) {
    const AssetType& t = s.asset_types[static_cast<std::size_t>(a.type_index)];
    for (Row* r : {&rows[a.state], &total}) {
      r->by_category[static_cast<int>(t.category)] += a.count;
      if (a.isr) r->isr += a.count;
      if (a.sar) r->sar += a.count;
    }
  }
  out << "\nAssets (" << s.assets.size() << (s.assets.size() == 1 ? " entry" : " entries") << " of "
      << s.asset_types.size() << (s.asset_types.size() == 1 ? " type" : " types") << "):\n";
  out << "  state  aircraft  helicopters  UAVs  vessels    ISR    SAR\n";
  auto print_row = [&](const std::string& label, const Row& r) {
    out << "  " << std::left << std::setw(5) << label << std::right << std::setw(10) << r.by_category[0]
        << std::setw(13) << r.by_category[1] << std::setw(6) << r.by_category[2] << std::setw(9)
        << r.by_category[3] << std::setw(7) << r.isr << std::setw(7) << r.sar << '\n';
  };
  for (const auto& [state, r] : rows) print_row(state, r);
  print_row("all", total);

  int radars = 0;
  int ais = 0;
  for (const FixedSensor& f : s.fixed_sensors) (f.kind == FixedSensorKind::kCoastalRadar ? radars : ais)++;
  out << "\nFixed sensors (" << s.fixed_sensors.size() << "): " << radars << " coastal radars, " << ais
      << " AIS receivers\n";

  out << "Patrols (" << s.patrols.size() << "):\n";
  for (const Patrol& p : s.patrols) {
    std::int64_t assigned = 0;
    for (const Asset& a : s.assets) {
      if (a.patrol == p.name) assigned += a.count;
    }
    out << "  " << p.name << ": " << to_string(p.pattern) << ", " << fixed_decimals(p.sorties_per_week, 1)
        << " sorties/week, " << assigned << (assigned == 1 ? " asset" : " assets") << " assigned\n";
  }

  out << "\nIncident classes (" << s.incident_classes.size() << "):\n";
  for (const IncidentClass& c : s.incident_classes) {
    out << "  " << c.name << ": " << fixed_decimals(c.rate_per_h * kHoursPerYear, 1) << "/yr, "
        << placement(c.where_placed) << ", " << c.persons_on_board << " on board, beacon "
        << fixed_decimals(c.beacon_probability * 100.0, 0) << "%, survival " << distribution(c.survival) << '\n';
  }
  out << "Target classes (" << s.target_classes.size() << "):\n";
  for (const TargetClass& c : s.target_classes) {
    out << "  " << c.name << ": " << fixed_decimals(c.rate_per_h * 24.0, 2) << "/d, " << placement(c.where_placed)
        << ", " << to_string(c.motion) << " at " << fixed_decimals(c.speed_kt, 0) << " kt, dwell "
        << distribution(c.dwell) << ", AIS on " << fixed_decimals(c.ais_on_probability * 100.0, 0) << "%\n";
  }

  const Policies& p = s.policies;
  out << "\nPolicies:\n  centre processing " << duration(p.rcc_processing_h) << "; information sharing "
      << duration(p.default_sharing_delay_h) << " by default, " << p.sharing_links.size()
      << " faster links\n  cross-border response " << (p.cross_border_default_allowed ? "allowed" : "denied")
      << " by default (coordination " << duration(p.cross_border_coordination_delay_h) << "), "
      << p.agreements.size() << " agreements\n  patrolling SAR assets "
      << (p.patrol_retasking_allowed ? "may" : "may not") << " be retasked to incidents\n";
}

}  // namespace mdasim
