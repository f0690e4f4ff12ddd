#!/usr/bin/env bash
# Installs what qpanel needs to build, test and run — Debian 12 packages only
# (plus node/npm, which fetch Babel from the npm registry). Idempotent: it
# installs only what is missing and says nothing when all is present.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config git
  qt6-base-dev qt6-charts-dev qt6-declarative-dev qt6-image-formats-plugins
  libqt6opengl6-dev libgl-dev libvulkan-dev
  qcoro-qt6-dev libgtest-dev libbenchmark-dev libqcustomplot-dev
  python3 python3-param xvfb xauth
  python3-dev pybind11-dev python3-numpy python3-aiohttp python3-uvloop
  clang-format
)
# node is often installed outside Debian's packages; only add it if absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "bootstrap: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
