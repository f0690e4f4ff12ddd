#!/usr/bin/env bash
# Configures and builds qpanel into build/ (quietly; the log is in
# build/build.log and its tail is shown if something fails).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh

options=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
[ "${CI:-}" = "true" ] && options+=(-DQPANEL_WERROR=ON)
mkdir -p build
if ! { cmake -S . -B build "${options[@]}" && cmake --build build "$@"; } >build/build.log 2>&1; then
  tail -n 60 build/build.log >&2
  echo "build failed: full log in build/build.log" >&2
  exit 1
fi
