// The table of the fixed sensors' effective radii.
#include "model/sensor_summary.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <string>

#include "model/fixed_sensors.hpp"
#include "scenario/summary.hpp"

namespace mdasim {
void print_fixed_sensor_radii(const Scenario& s, std::ostream& out) {
  if (s.fixed_sensors.empty()) return;
  std::size_t name_width = 6;
  for (const FixedSensor& f : s.fixed_sensors) name_width = std::max(name_width, f.name.size());
  std::vector<std::size_t> width;
  for (const SearchObject& o : s.search_objects) width.push_back(std::max<std::size_t>(o.name.size(), 7) + 2);

  out << "\nFixed sensors' effective radius, nm (a radar's horizon for the object's height, at most its\n"
         "instrumented range; an AIS receiver's range, for vessels transmitting AIS):\n";
  const auto row_start = [&](std::string_view name, std::string_view state, std::string_view kind, const std::string& antenna,
                             const std::string& range) {
    out << "  " << std::left << std::setw(static_cast<int>(name_width)) << name << "  " << std::setw(5) << state << "  "
        << std::setw(13) << kind << std::right << std::setw(9) << antenna << std::setw(10) << range;
  };
  row_start("sensor", "state", "kind", "antenna", "range");
  for (std::size_t k = 0; k < s.search_objects.size(); ++k) out << std::setw(static_cast<int>(width[k])) << s.search_objects[k].name;
  out << '\n';
  row_start("", "", "", "", "");
  for (std::size_t k = 0; k < s.search_objects.size(); ++k) {
    out << std::setw(static_cast<int>(width[k])) << fixed_decimals(s.search_objects[k].height_m, 1) + " m";
  }
  out << '\n';
  for (const FixedSensor& f : s.fixed_sensors) {
    const bool ais = f.kind == FixedSensorKind::kAisReceiver;
    row_start(f.name, f.state, to_string(f.kind), ais ? std::string("-") : fixed_decimals(f.antenna_height_m, 0) + " m",
              fixed_decimals(f.range_nm, 1) + " nm");
    for (std::size_t k = 0; k < s.search_objects.size(); ++k) {
      out << std::setw(static_cast<int>(width[k])) << fixed_decimals(fixed_sensor_range_nm(f, s.search_objects[k].height_m), 1);
    }
    out << '\n';
  }
}

}  // namespace mdasim
