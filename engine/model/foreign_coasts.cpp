// Which countries' waters each state answers for, weighed by the incidents and targets there.
#include "model/foreign_coasts.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

#include "geo/responsibility.hpp"
#include "model/occurrence.hpp"

namespace mdasim {
namespace {

// What lies in one state's share of foreign waters, per foreign country (by code index).
struct Tally {
  std::map<int, double> incidents;
  std::map<int, double> targets;
  std::map<int, double> sea;
};

std::string percent(double share) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(share < 0.1 ? 1 : 0) << 100.0 * share << '%';
  return out.str();
}

double sum(const std::map<int, double>& by_country) {
  double total = 0.0;
  for (const auto& [country, value] : by_country) total += value;
  return total;
}

}  // namespace

void check_foreign_coasts(const Scenario& s, const Geography& geo, Diagnostics& d) {
  if (geo.countries.polygon_count() == 0 || geo.responsible_state.empty()) return;
  // The countries' codes, each once; which are states of the scenario.
  std::vector<std::string> codes;
  std::vector<int> polygon_country(geo.country_codes.size(), -1);
  for (std::size_t k = 0; k < geo.country_codes.size(); ++k) {
    const std::string& code = geo.country_codes[k];
    if (code.empty()) continue;
    auto it = std::find(codes.begin(), codes.end(), code);
    if (it == codes.end()) it = codes.insert(codes.end(), code);
    polygon_country[k] = static_cast<int>(it - codes.begin());
  }
  std::vector<bool> in_scenario(codes.size(), false);
  for (std::size_t c = 0; c < codes.size(); ++c) {
    for (const State& st : s.states) in_scenario[c] = in_scenario[c] || st.code == codes[c];
  }

  const Grid& g = geo.grid();
  const std::vector<std::int16_t> nearest = responsible_states(geo.sea, geo.countries, polygon_country, {});
  std::vector<std::int16_t> chosen(g.size(), -1);
  apply_responsibility_areas(g, s.responsibility_areas, chosen);
  // Per cell: the foreign country whose waters these are, answered for by a scenario state; or -1.
  auto foreign = [&](std::size_t cell) {
    const int c = nearest[cell];
    const bool counted = geo.sea.is_sea(cell) && c >= 0 && !in_scenario[static_cast<std::size_t>(c)] &&
                         geo.responsible_state[cell] >= 0 && chosen[cell] < 0;
    return counted ? c : -1;
  };

  std::vector<Tally> tally(s.states.size());
  double incident_total = 0.0;
  double target_total = 0.0;
  auto add = [&](const Occurrence& o, double rate, bool incidents) {
    for (std::size_t i = 0; i < o.points.size(); ++i) {
      const std::optional<std::size_t> cell = g.cell_of(o.points[i]);
      if (!cell) continue;
      const int c = foreign(*cell);
      if (c < 0) continue;
      Tally& t = tally[static_cast<std::size_t>(geo.responsible_state[*cell])];
      (incidents ? t.incidents : t.targets)[c] += rate * o.mass[i];
    }
    (incidents ? incident_total : target_total) += rate;
  };
  for (const IncidentClass& c : s.incident_classes) add(incident_occurrence(c, geo), c.rate_per_h, true);
  for (const TargetClass& c : s.target_classes) add(target_occurrence(c, geo), c.rate_per_h, false);
  double sea_total = 0.0;
  for (std::size_t cell = 0; cell < g.size(); ++cell) {
    if (!geo.sea.is_sea(cell)) continue;
    const double area = std::cos(g.center_lat(g.row_of(cell)) * std::numbers::pi / 180.0);
    sea_total += area;
    if (const int c = foreign(cell); c >= 0) tally[static_cast<std::size_t>(geo.responsible_state[cell])].sea[c] += area;
  }
  const bool by_sea = incident_total <= 0.0 && target_total <= 0.0;

  for (std::size_t st = 0; st < s.states.size(); ++st) {
    const Tally& t = tally[st];
    // The measures the warning rests on, each with its share per country.
    struct Measure {
      const std::map<int, double>* by_country;
      double total;
      std::string_view what;
    };
    std::vector<Measure> measures;
    if (by_sea) {
      measures.push_back({&t.sea, sea_total, "of the scenario's sea"});
    } else {
      if (incident_total > 0.0) measures.push_back({&t.incidents, incident_total, "of the scenario's incidents"});
      if (target_total > 0.0) measures.push_back({&t.targets, target_total, "of its targets"});
    }
    bool warn = false;
    for (const Measure& m : measures) warn = warn || sum(*m.by_country) / m.total >= kForeignWatersShare;
    if (!warn) continue;
    // The countries with anything in their waters, by their share of the first measure, largest first.
    auto share_of = [&](const std::map<int, double>& m, int c) {
      const auto it = m.find(c);
      return it == m.end() ? 0.0 : it->second;
    };
    std::vector<int> countries;
    for (const auto& [c, area] : t.sea) {
      bool any = false;
      for (const Measure& m : measures) any = any || share_of(*m.by_country, c) > 0.0;
      if (any) countries.push_back(c);
    }
    const std::map<int, double>& first = *measures.front().by_country;
    std::stable_sort(countries.begin(), countries.end(),
                     [&](int a, int b) { return share_of(first, a) > share_of(first, b); });
    std::string names;
    for (std::size_t i = 0; i < countries.size(); ++i) {
      if (i > 0) names += i + 1 == countries.size() ? " and " : ", ";
      names += codes[static_cast<std::size_t>(countries[i])];
    }
    std::string held;
    for (std::size_t k = 0; k < measures.size(); ++k) {
      const Measure& m = measures[k];
      held += (k > 0 ? " and " : "") + percent(sum(*m.by_country) / m.total) + " " + std::string(m.what);
      if (countries.size() > 1) {
        held += " (";
        for (std::size_t i = 0; i < countries.size(); ++i) {
          held += (i > 0 ? ", " : "") + codes[static_cast<std::size_t>(countries[i])] + " " +
                  percent(share_of(*m.by_country, countries[i]) / m.total);
        }
        held += ")";
      }
    }
    d.warning(s.states[st].where,
              "state '" + s.states[st].code + "' answers for the waters off the coast" + (countries.size() > 1 ? "s" : "") +
                  " of " + names + ", which " + (countries.size() > 1 ? "are not states" : "is not a state") +
                  " of the scenario (a cell's responsible state is the scenario's state with the nearest coast): " +
                  "they hold " + held + "; add " + names + (countries.size() > 1 ? " as states" : " as a state") +
                  ", or responsibility areas that give those waters to the state that answers there");
  }
}

}  // namespace mdasim
