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

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done

# V8 comes from Debian's libnode (docs/V8.md). A non-Debian nodejs package
# (NodeSource's, say) makes apt refuse libnode-dev, so it is then unpacked
# into $QPANEL_LIBNODE_DIR instead, where cmake/FindLibNode.cmake looks.
need_libnode=false
installed libnode-dev || [ -f "${QPANEL_LIBNODE_DIR:-/opt/qpanel-libnode}/.qpanel-libnode-version" ] ||
  need_libnode=true
[ ${#missing[@]} -eq 0 ] && [ $need_libnode = false ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "bootstrap: run as root to install: ${missing[*]} libnode-dev" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if [ $need_libnode = true ]; then
  if apt-get install -s -qq --no-install-recommends libnode-dev >/dev/null 2>&1; then
    missing+=(libnode-dev)
  else
    need_libnode=unpack
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ $need_libnode = unpack ]; then
  $sudo env QPANEL_LIBNODE_DIR="${QPANEL_LIBNODE_DIR:-/opt/qpanel-libnode}" "$(dirname "$0")/unpack-libnode.sh"
fi
