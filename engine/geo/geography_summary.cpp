// Summary of a built geography, in planner's terms.
#include "geo/geography_summary.hpp"

#include <cmath>
#include <iomanip>
#include <ostream>
#include <vector>

#include "geo/geodesy.hpp"

namespace mdasim {

void print_geography_summary(const Scenario& s, const Geography& geo, std::ostream& out) {
  const Grid& g = geo.grid();
  const std::size_t sea_cells = geo.sea.sea_cell_count();
  out << "\nGeography:\n"
      << "  land: " << geo.land.polygon_count() << " polygons, " << geo.land.edge_count() << " edges\n"
      << "  grid: " << g.cols() << " x " << g.rows() << " cells of " << g.cell_deg() << " deg, " << sea_cells
      << " at sea (" << std::fixed << std::setprecision(1) << 100.0 * static_cast<double>(sea_cells) / static_cast<double>(g.size())
      << "%)\n"
      << "  sea lanes: " << geo.lanes.vertex_count() << " vertices, " << geo.lanes.edges().size() << " edges, "
      << std::setprecision(0) << geo.lanes.total_length_nm() << " nm, in " << geo.lanes.component_count()
      << (geo.lanes.component_count() == 1 ? " connected part\n" : " separate parts\n");
  if (geo.responsible_state.empty()) return;
  std::vector<std::size_t> cells(s.states.size(), 0);
  std::size_t none = 0;
  for (std::size_t cell = 0; cell < g.size(); ++cell) {
    if (!geo.sea.is_sea(cell)) continue;
    const int st = geo.responsible_state[cell];
    if (st >= 0) {
      ++cells[static_cast<std::size_t>(st)];
    } else {
      ++none;
    }
  }
  out << "  responsible state, share of sea cells:";
  for (std::size_t st = 0; st < s.states.size(); ++st) {
    out << (st == 0 ? " " : ", ") << s.states[st].code << ' ' << std::setprecision(1)
        << 100.0 * static_cast<double>(cells[st]) / static_cast<double>(std::max<std::size_t>(1, sea_cells)) << '%';
  }
  if (none > 0) out << ", none " << none << " cells";
  out << '\n';
  out.unsetf(std::ios::floatfield);
}

}  // namespace mdasim
