// WGS84 inverse geodesic distance by Karney's method for the common case (geodesic_inverse.hpp).
#include "geo/geodesic_inverse.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

#include <GeographicLib/Geodesic.hpp>

#include "geo/wgs84.hpp"

namespace mdasim {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kF1 = 1.0 - kWgs84F;                      // 1 - f = b / a
constexpr double kB = kWgs84A * kF1;                        // polar radius, m
constexpr double kEp2 = kWgs84E2 / (1.0 - kWgs84E2);        // second eccentricity squared
constexpr double kN = kWgs84F / (2.0 - kWgs84F);            // third flattening
constexpr double kTolerance = 8.0 * std::numeric_limits<double>::epsilon();
constexpr int kMaxNewtonSteps = 12;
constexpr double kSecondOrderM = 1e-9;

// The longitude integral I3 = A3 (sigma + sum_l C3l sin 2l sigma) (Karney 2013, eqs. 24-25),
// truncated at eps^5: A3 - 1 and C31..C35 as polynomials in eps whose coefficients are
// polynomials in n, evaluated for WGS84's n here.
constexpr std::array<double, 5> kA3 = {
    -(0.5 - 0.5 * kN),                                        // eps
    -(0.25 + kN * (0.125 - kN * 0.375)),                      // eps^2
    -(1.0 / 16.0 + kN * (3.0 / 16.0 + kN / 16.0)),            // eps^3
    -(3.0 / 64.0 + kN / 32.0),                                // eps^4
    -3.0 / 128.0,                                             // eps^5
};
// kC3[l - 1][k - 1]: the coefficient of eps^k in C3l.
constexpr std::array<std::array<double, 5>, 5> kC3 = {{
    {0.25 - 0.25 * kN, 0.125 - 0.125 * kN * kN, 3.0 / 64.0 + kN * (3.0 / 64.0 - kN / 64.0), 5.0 / 128.0 + kN / 64.0,
     3.0 / 128.0},
    {0.0, 1.0 / 16.0 + kN * (-3.0 / 32.0 + kN / 32.0), 3.0 / 64.0 + kN * (-1.0 / 32.0 - kN * 3.0 / 64.0),
     3.0 / 128.0 + kN / 128.0, 5.0 / 256.0},
    {0.0, 0.0, 5.0 / 192.0 + kN * (-3.0 / 64.0 + kN * 5.0 / 192.0), 3.0 / 128.0 - kN * 5.0 / 192.0, 7.0 / 512.0},
    {0.0, 0.0, 0.0, 7.0 / 512.0 - kN * 7.0 / 256.0, 7.0 / 512.0},
    {0.0, 0.0, 0.0, 0.0, 21.0 / 2560.0},
}};

// sum_{l=1..L} c[l-1] sin(2 l sigma) by Clenshaw's recurrence, from sin and cos of sigma (unit).
template <std::size_t L>
double sine_series(const std::array<double, L>& c, double s, double co) {
  const double two_cos_2 = 2.0 * (co - s) * (co + s);  // 2 cos 2 sigma
  double b1 = 0.0;
  double b2 = 0.0;
  for (std::size_t l = L; l-- > 0;) {
    const double b0 = c[l] + two_cos_2 * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return b1 * 2.0 * s * co;  // b_1 sin 2 sigma
}

// Scales (s, c) to a unit vector.
void normalize(double& s, double& c) {
  const double r = std::sqrt(s * s + c * c);
  s /= r;
  c /= r;
}

// sin and cos of a Newton step, by their Taylor series to double precision below 0.01 rad.
void sin_cos_step(double d, double& s, double& c) {
  if (std::abs(d) < 0.01) {
    const double d2 = d * d;
    s = d - d * d2 * ((1.0 / 6.0) - d2 * ((1.0 / 120.0) - d2 * (1.0 / 5040.0)));
    c = 1.0 - d2 * (0.5 - d2 * ((1.0 / 24.0) - d2 * ((1.0 / 720.0) - d2 * (1.0 / 40320.0))));
  } else {
    s = std::sin(d);
    c = std::cos(d);
  }
}

// atan2(y, x), by the Taylor series of atan(y / x) for |y| < x / 64 (the angle omega12 - lambda12
// is of the order of the flattening): the terms to the ninth power leave less than 1e-20 rad.
double small_atan2(double y, double x) {
  if (!(std::abs(y) * 64.0 < x)) return std::atan2(y, x);
  const double t = y / x;
  const double t2 = t * t;
  return t - t * t2 * ((1.0 / 3.0) - t2 * ((1.0 / 5.0) - t2 * ((1.0 / 7.0) - t2 * (1.0 / 9.0))));
}

double geographiclib_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  double s12_m = 0.0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1_deg, lon1_deg, lat2_deg, lon2_deg, s12_m);
  return s12_m;
}

// The distance along the geodesic from the first point with the azimuth (salp1, calp1), up to
// the second point's parametric latitude, and how far its longitude there misses the target.
struct Trial {
  double miss = 0.0;   // lambda12(alpha1) - lambda12, radians
  double slope = 0.0;  // d miss / d alpha1 (first order in eps in the reduced length)
  double reduced_m = 0.0;  // the reduced length m12 (m), to first order in eps
  double salp0 = 0.0;      // sin alpha0 = cos beta2 sin alpha2
  // The geodesic's arcs on the auxiliary sphere and its eps, for the distance.
  double ssig1 = 0.0, csig1 = 0.0, ssig2 = 0.0, csig2 = 0.0, sig12 = 0.0, eps = 0.0;
};

// s12 = b I1(sigma12), I1 = A1 (sigma + sum_l C1l sin 2l sigma) (Karney 2013, eqs. 17-18), to eps^6.
double distance_m(const Trial& t) {
  const double eps = t.eps;
  const double e2 = eps * eps;
  const double a1 = (1.0 + e2 * (0.25 + e2 * (1.0 / 64.0 + e2 / 256.0))) / (1.0 - eps);
  const std::array<double, 6> c1 = {
      eps * (-0.5 + e2 * (3.0 / 16.0 - e2 / 32.0)),
      e2 * (-1.0 / 16.0 + e2 * (1.0 / 32.0 - e2 * 9.0 / 2048.0)),
      eps * e2 * (-1.0 / 48.0 + e2 * 3.0 / 256.0),
      e2 * e2 * (-5.0 / 512.0 + e2 * 3.0 / 512.0),
      eps * e2 * e2 * (-7.0 / 1280.0),
      e2 * e2 * e2 * (-7.0 / 2048.0),
  };
  return kB * a1 * (t.sig12 + sine_series(c1, t.ssig2, t.csig2) - sine_series(c1, t.ssig1, t.csig1));
}

class Solver {
 public:
  Solver(double sbet1, double cbet1, double sbet2, double cbet2, double slam12, double clam12)
      : sbet1_(sbet1), cbet1_(cbet1), sbet2_(sbet2), cbet2_(cbet2), slam12_(slam12), clam12_(clam12),
        dn1_(std::sqrt(1.0 + kEp2 * sbet1 * sbet1)), dn2_(std::sqrt(1.0 + kEp2 * sbet2 * sbet2)) {}

  // The miss at azimuth (salp1, calp1), its slope, and the geodesic's arcs.
  [[nodiscard]] Trial trial(double salp1, double calp1) const {
    // The equator crossing's azimuth alpha0, by Clairaut's relation.
    const double salp0 = salp1 * cbet1_;
    const double calp0 = std::sqrt(calp1 * calp1 + (salp1 * sbet1_) * (salp1 * sbet1_));
    // The first point: arc sigma1 and spherical longitude omega1 from the equator crossing
    // (omega's sine and cosine only up to a common positive factor).
    double ssig1 = sbet1_;
    const double somg1 = salp0 * sbet1_;
    double csig1 = calp1 * cbet1_;
    const double comg1 = csig1;
    normalize(ssig1, csig1);
    // The second point, at parametric latitude beta2: its azimuth's cosine from Clairaut's
    // relation, cos^2 alpha2 cos^2 beta2 = cos^2 alpha1 cos^2 beta1 + cos^2 beta2 - cos^2 beta1,
    // the last difference written so as to keep its digits.
    const double calp2 =
        (cbet2_ != cbet1_ || std::abs(sbet2_) != -sbet1_)
            ? std::sqrt((calp1 * cbet1_) * (calp1 * cbet1_) +
                        (cbet1_ < -sbet1_ ? (cbet2_ - cbet1_) * (cbet1_ + cbet2_)
                                          : (sbet1_ - sbet2_) * (sbet1_ + sbet2_))) /
                  cbet2_
            : std::abs(calp1);
    double ssig2 = sbet2_;
    const double somg2 = salp0 * sbet2_;
    double csig2 = calp2 * cbet2_;
    const double comg2 = csig2;
    normalize(ssig2, csig2);
    const double sig12 = std::atan2(std::max(0.0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
    const double somg12 = std::max(0.0, comg1 * somg2 - somg1 * comg2);
    const double comg12 = comg1 * comg2 + somg1 * somg2;
    // omega12 - lambda12 in one angle, without the cancellation of a difference of angles.
    const double eta = small_atan2(somg12 * clam12_ - comg12 * slam12_, comg12 * clam12_ + somg12 * slam12_);
    const double k2 = calp0 * calp0 * kEp2;
    const double eps = k2 / (2.0 * (1.0 + std::sqrt(1.0 + k2)) + k2);
    // lambda12 = omega12 - f sin(alpha0) I3(sigma12) (eq. 8 with eq. 23).
    std::array<double, 5> c3{};
    double eps_k = 1.0;
    double a3 = 1.0;
    for (std::size_t k = 0; k < 5; ++k) {
      eps_k *= eps;
      a3 += kA3[k] * eps_k;
      for (std::size_t l = 0; l <= k; ++l) c3[l] += kC3[l][k] * eps_k;
    }
    const double i3 = a3 * (sig12 + sine_series(c3, ssig2, csig2) - sine_series(c3, ssig1, csig1));
    // The reduced length m12 / b (eq. 38), J12 = I1 - I2 to first order in eps:
    // J(sigma) = 2 eps sigma - eps sin 2 sigma.
    const double j12 = eps * (2.0 * sig12 - 2.0 * (ssig2 * csig2 - ssig1 * csig1));
    const double m12b = dn2_ * (csig1 * ssig2) - dn1_ * (ssig1 * csig2) - csig1 * csig2 * j12;
    // d lambda12 / d alpha1 = m12 / (a cos alpha2 cos beta2) (eq. 40 with eq. 5).
    const double slope = calp2 == 0.0 ? -2.0 * kF1 * dn1_ / sbet1_ : m12b * kF1 / (calp2 * cbet2_);
    return {eta - kWgs84F * salp0 * i3, slope, kB * m12b, salp0, ssig1, csig1, ssig2, csig2, sig12, eps};
  }

 private:
  double sbet1_, cbet1_, sbet2_, cbet2_;
  double slam12_, clam12_;
  double dn1_, dn2_;
};

}  // namespace

PreparedPoint prepare_point(double lat_deg, double lon_deg) {
  PreparedPoint p;
  p.lat_deg = lat_deg;
  p.lon_deg = lon_deg;
  // Parametric latitude: tan beta = (1 - f) tan phi.
  const double phi = lat_deg * kDegToRad;
  p.sbet = kF1 * std::sin(phi);
  p.cbet = std::cos(phi);
  normalize(p.sbet, p.cbet);
  const double lambda = lon_deg * kDegToRad;
  p.slon = std::sin(lambda);
  p.clon = std::cos(lambda);
  return p;
}

GeodesicInverseSolution solve_geodesic_inverse(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  return solve_geodesic_inverse(prepare_point(lat1_deg, lon1_deg), prepare_point(lat2_deg, lon2_deg));
}

GeodesicInverseSolution solve_geodesic_inverse(const PreparedPoint& first, const PreparedPoint& second) {
  const auto handed_over = [&] {
    return GeodesicInverseSolution{geographiclib_m(first.lat_deg, first.lon_deg, second.lat_deg, second.lon_deg),
                                   false, 0};
  };
  // The longitude difference in [0, 180] (the distance does not depend on its sign), with the
  // rounding error of the subtraction (Knuth's two-sum) put back: up to 3e-14 degrees (3e-9 m)
  // near the antimeridian otherwise.
  const double diff_deg = second.lon_deg - first.lon_deg;
  const double lon2_part = diff_deg + first.lon_deg;
  const double lon1_part = diff_deg - lon2_part;
  const double diff_error_deg = (second.lon_deg - lon2_part) - (first.lon_deg + lon1_part);
  // Both longitudes are normally within [-180, 180], and then one turn is the most to take off
  // (exactly, by Sterbenz's lemma); std::remainder for the others.
  double reduced_deg = diff_deg;
  if (std::abs(reduced_deg) > 180.0) {
    reduced_deg = std::abs(reduced_deg) <= 540.0 ? reduced_deg - std::copysign(360.0, reduced_deg)
                                                : std::remainder(reduced_deg, 360.0);
  }
  const double lon12_deg = std::abs(reduced_deg + diff_error_deg);
  if (!(lon12_deg >= 1e-7 && lon12_deg <= 90.0)) return handed_over();
  // The first point the one farther from the equator, and in the southern hemisphere (the
  // distance is unchanged by swapping the points or reflecting both in the equator).
  const bool swap = std::abs(first.sbet) < std::abs(second.sbet);
  const PreparedPoint& p1 = swap ? second : first;
  const PreparedPoint& p2 = swap ? first : second;
  const double reflect = p1.sbet > 0.0 ? -1.0 : 1.0;
  double sbet1 = reflect * p1.sbet;
  const double cbet1 = p1.cbet;
  double sbet2 = reflect * p2.sbet;
  double cbet2 = p2.cbet;
  // Within 1e-6 degrees of a pole, or both points on the equator.
  if (!(cbet1 > 1.7e-8) || sbet1 == 0.0) return handed_over();
  // Equal |beta| made exactly equal, so that Clairaut's difference above is exactly zero.
  if (cbet1 < -sbet1) {
    if (cbet2 == cbet1) sbet2 = std::copysign(sbet1, sbet2);
  } else if (std::abs(sbet2) == -sbet1) {
    cbet2 = cbet1;
  }
  // sin and cos of the longitude difference from the points' own (its sign dropped).
  const double slam12 = std::abs(second.slon * first.clon - second.clon * first.slon);
  const double clam12 = second.clon * first.clon + second.slon * first.slon;
  const double lam12 = lon12_deg * kDegToRad;

  // The starting azimuth: the great circle on the auxiliary sphere, its longitude scaled by the
  // radius at the mean latitude for short lines (Karney 2013, sect. 5, eqs. 48-49).
  const double sbet12 = sbet2 * cbet1 - cbet2 * sbet1;
  const double cbet12 = cbet2 * cbet1 + sbet2 * sbet1;
  const double sbet12a = sbet2 * cbet1 + cbet2 * sbet1;
  const bool short_line = cbet12 >= 0.0 && sbet12 < 0.5 && cbet2 * lam12 < 0.5;
  double somg12 = slam12;
  double comg12 = clam12;
  if (short_line) {
    double sbetm2 = (sbet1 + sbet2) * (sbet1 + sbet2);
    sbetm2 /= sbetm2 + (cbet1 + cbet2) * (cbet1 + cbet2);
    const double omg12 = lam12 / (kF1 * std::sqrt(1.0 + kEp2 * sbetm2));
    somg12 = std::sin(omg12);
    comg12 = std::cos(omg12);
  }
  double salp1 = cbet2 * somg12;
  double calp1 = comg12 >= 0.0 ? sbet12 + cbet2 * sbet1 * somg12 * somg12 / (1.0 + comg12)
                               : sbet12a - cbet2 * sbet1 * somg12 * somg12 / (1.0 - comg12);
  const double ssig12 = std::sqrt(salp1 * salp1 + calp1 * calp1);
  const double csig12 = sbet1 * sbet2 + cbet1 * cbet2 * comg12;
  // Lines shorter than about a metre, and the nearly antipodal region, are GeographicLib's.
  if (ssig12 < 1.5e-7 || !(csig12 >= 0.0 || ssig12 >= 6.0 * kN * std::numbers::pi * cbet1 * cbet1) ||
      !(salp1 > 0.0)) {
    return handed_over();
  }
  normalize(salp1, calp1);

  const Solver solver(sbet1, cbet1, sbet2, cbet2, slam12, clam12);
  for (int step = 0; step <= kMaxNewtonSteps; ++step) {
    const Trial probe = solver.trial(salp1, calp1);
    // The trial geodesic meets the second point's parallel `miss` radians of longitude away.
    // Along that parallel the distance from the first point changes at the rate
    // ds / dlambda2 = a cos(beta2) sin(alpha2) = a sin(alpha0), exactly, so moving the end by
    // the miss leaves a remainder of second order, at most (a cos(beta2) miss)^2 / (2 m12):
    // the answer once that is below kSecondOrderM (m), or the miss itself below the rounding.
    const double shift_m = kWgs84A * cbet2 * probe.miss;
    if (std::abs(probe.miss) < kTolerance ||
        (probe.reduced_m > 0.0 && shift_m * shift_m < probe.reduced_m * kSecondOrderM)) {
      return {distance_m(probe) - kWgs84A * probe.salp0 * probe.miss, true, step};
    }
    if (!(probe.slope > 0.0)) break;
    const double dalp1 = -probe.miss / probe.slope;
    if (!(std::abs(dalp1) < 1.0)) break;
    double sdalp1 = 0.0;
    double cdalp1 = 0.0;
    sin_cos_step(dalp1, sdalp1, cdalp1);
    const double next_salp1 = salp1 * cdalp1 + calp1 * sdalp1;
    if (!(next_salp1 > 0.0)) break;
    calp1 = calp1 * cdalp1 - salp1 * sdalp1;
    salp1 = next_salp1;
    normalize(salp1, calp1);
  }
  return handed_over();
}

double geodesic_inverse_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  return solve_geodesic_inverse(lat1_deg, lon1_deg, lat2_deg, lon2_deg).distance_m;
}

double geodesic_inverse_m(const PreparedPoint& a, const PreparedPoint& b) {
  return solve_geodesic_inverse(a, b).distance_m;
}

}  // namespace mdasim
