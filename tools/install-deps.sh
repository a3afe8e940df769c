#!/usr/bin/env bash
# Installs every Debian 12 package that mdasim's build, tests and benchmarks need.
# Idempotent: quiet and quick when everything is already present. Run as root or with sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # engine libraries
  libeigen3-dev libboost-graph-dev libhdf5-dev libyaml-cpp-dev libcli11-dev
  libgeographiclib-dev libcairo2-dev libpcg-cpp-dev librandom123-dev nlohmann-json3-dev
  # GeoTIFF export of map layers (engine/io/geotiff.cpp); gdal-bin's gdalinfo for its test
  libgdal-dev gdal-bin
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # the geodata import tool and its test (standard library only); the results-file read-back
  # check (h5py, and xarray through h5netcdf, for Debian's own /usr/bin/python3)
  python3 python3-h5py python3-xarray python3-h5netcdf
  # the reference lane router that `mdasim route` is checked against (tests/cli/route_peer.py)
  python3-networkx
  # the peers the benchmarks compare with (benchmarks/run-peers.sh): SimPy models run by
  # /usr/bin/python3 (with GeographicLib's Python port, for the SAR model that solves its own
  # geodesics), and ns-3's event schedulers
  python3-simpy python3-geographiclib libns3-dev
  # fonts for rendered labels (text that silently fails to render is a known headless trap)
  fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root (sudo not found)" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# apt's progress chatter goes to a log, shown only if something fails.
if ! { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
         -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: installing packages failed (see above)" >&2
  exit 1
fi
echo "install-deps: done" >&2
