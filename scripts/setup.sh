#!/usr/bin/env bash
# Installs every Debian 12 package vicsim needs. Safe to run again: apt is only
# called when something is missing. Must run as root (or with sudo available).
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
  librandom123-dev            # counter-based RNG (Philox)
  libtbb-dev                  # parallel loops
  libopenmpi-dev openmpi-bin  # vicsim sweep under mpirun
  python3 python3-networkx    # reference values in validation tests
  xvfb xauth                  # headless visualizer tests
  ffmpeg                      # vicsim view --video (optional for users; tested in CI)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
