// The inverse geodesic problem on WGS84 for the distance alone, solved here for the common case
// and handed to GeographicLib for the rest. The SAR dispatch asks for hundreds of distances per
// replication (and the sea grid and lane network many more when built) and nothing else of the
// geodesic, so the general solver's azimuths, areas, scales and generic ellipsoid are work they
// do not need.
//
// The method is Karney's (C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 43-55, 2013):
// the geodesic on the auxiliary sphere of parametric latitude beta, the longitude and distance
// integrals as series in the flattening's third form n and in eps (eqs. 15-18, 23-25; WGS84's n
// and the coefficients are fixed at compile time), the starting azimuth from the sphere with the
// mean latitude's radius (sect. 5), and Newton's method on the azimuth at the first point, the
// longitude's derivative coming from the reduced length (eqs. 38-40). Here the reduced length is
// taken to first order in eps, which adds to Newton's error a factor of order eps^2 (3e-6) at
// each step, not changing its quadratic convergence, and leaves the solution itself exact. The
// last step is an exact first-order move instead: along the second point's parallel the distance
// changes at ds / dlambda2 = a sin(alpha0), so a trial geodesic that misses the second point's
// longitude by `miss` gives the distance less a sin(alpha0) miss, once the second-order remainder
// (a cos(beta2) miss)^2 / (2 m12) is below a nanometre (or the miss below 8 units in the last
// place of a radian). The distance is then within 10 nanometres of GeographicLib's.
//
// What is not solved here goes to GeographicLib's Geodesic::Inverse: points on the same meridian
// (longitudes within 1e-7 degrees) or both on the equator, longitudes more than 90 degrees apart
// (where the nearly antipodal cases live), points within 1e-6 degrees of a pole, lines shorter
// than about 1 m, and any Newton iteration that does not settle in 12 steps.
#pragma once

namespace mdasim {

// A point with the sines and cosines the solver wants, worked out once: for points whose
// distances to several others are asked for. (sbet, cbet) is the unit (sine, cosine) of the
// parametric latitude beta, tan beta = (1 - f) tan phi; (slon, clon) of the longitude.
// (Not an aggregate, so that a braced pair of coordinates still means a GeoPoint.)
struct PreparedPoint {
  PreparedPoint() = default;
  double lat_deg = 0.0;
  double lon_deg = 0.0;
  double sbet = 0.0;
  double cbet = 1.0;
  double slon = 0.0;
  double clon = 1.0;
};
[[nodiscard]] PreparedPoint prepare_point(double lat_deg, double lon_deg);

// The geodesic distance (m) between two points given by latitude and longitude (degrees).
[[nodiscard]] double geodesic_inverse_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);
// The same between prepared points, to the bit.
[[nodiscard]] double geodesic_inverse_m(const PreparedPoint& a, const PreparedPoint& b);

// The same, telling how it was solved: by the method here, in `newton_steps` steps, or
// (solved_here false) by GeographicLib.
struct GeodesicInverseSolution {
  double distance_m = 0.0;
  bool solved_here = false;
  int newton_steps = 0;
};
[[nodiscard]] GeodesicInverseSolution solve_geodesic_inverse(double lat1_deg, double lon1_deg, double lat2_deg,
                                                             double lon2_deg);
[[nodiscard]] GeodesicInverseSolution solve_geodesic_inverse(const PreparedPoint& a, const PreparedPoint& b);

}  // namespace mdasim
