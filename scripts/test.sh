#!/usr/bin/env bash
# Builds everything (app, libraries, tests, benchmarks) and runs the whole
# test suite headless with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --timeout 300 -j2 "$@"
