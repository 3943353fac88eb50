#!/usr/bin/env bash
# Installs every Debian 12 package vicsim needs. Safe to run again: apt is only
# called when something is missing. Must run as root (or with sudo available).
# Usage: bash scripts/setup.sh
source "$(dirname "$0")/usage.sh"
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  libsimgrid-dev              # infrastructure layer (SimGrid 3.32)
  libboost-graph-dev          # supply/collaboration network
  libboost-math-dev libboost-random-dev  # quantiles, Sobol sequences
  nlohmann-json3-dev          # scenario format
  libsfml-dev fonts-dejavu-core  # visualizer
  catch2                      # unit tests (v2 single header)
  libcli11-dev                # command line
  libnlopt-cxx-dev            # vicsim calibrate: derivative-free optimisers (NLopt 2.7)
  libeigen3-dev               # vicsim calibrate: Hessian eigen-analysis and least-squares fit (Eigen 3.4)
  librandom123-dev            # counter-based RNG (Philox)
  libtbb-dev                  # parallel loops
  libopenmpi-dev openmpi-bin  # vicsim sweep under mpirun
  clang libclang-rt-14-dev    # libFuzzer harnesses and the ASan build (presets fuzz, asan; scripts/reliability.sh)
  python3 python3-networkx    # reference values in validation tests
  xvfb xauth                  # headless visualizer tests
  ffmpeg                      # vicsim view --video (optional for users; tested in CI)
  chromium python3-pil        # browser tests of the HTML reports (render, screenshot, pixel check)
  python3-jsonschema          # the generated scenario JSON Schema is checked against every bundled scenario
  python3-matplotlib          # scripts/plot_scaling.py (docs/img/scaling.png)
  python3-numpy               # tests/odd_rebuild: the rebuild of traditional.json from docs/ODD.md
  valgrind linux-perf         # profiling (docs/PERFORMANCE.md); tests/cli/valgrind_start.sh runs vicsim under callgrind
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
else
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Chart libraries for `vicsim report`: the browser builds of vega, vega-lite and vega-embed, pinned in
# third_party/vega/package.json and package-lock.json, installed with npm into third_party/vega/node_modules
# (not committed; the report inlines them). Node.js and npm come with the machine or from Debian.
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing nodejs npm"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
vega=third_party/vega/node_modules
if [ -f $vega/vega/build/vega.min.js ] && [ -f $vega/vega-lite/build/vega-lite.min.js ] &&
  [ -f $vega/vega-embed/build/vega-embed.min.js ] &&
  cmp -s third_party/vega/package-lock.json $vega/.vicsim-installed-lock 2>/dev/null; then
  echo "setup: chart libraries present in $vega"
else
  echo "setup: npm ci in third_party/vega (vega, vega-lite, vega-embed)"
  (cd third_party/vega && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error &&
    cp package-lock.json node_modules/.vicsim-installed-lock)
fi
