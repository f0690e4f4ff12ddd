#!/usr/bin/env bash
# Builds everything (app, libraries, tests, benchmarks) and runs the whole
# test suite headless with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --timeout 300 -j2 "$@"
# CI also runs the ASan+UBSan+LSan build over the async, lifetime and
# bad-input tests (about 30 minutes on 2 cores; docs/RELIABILITY.md).
if [ "${CI:-}" = "true" ]; then
  scripts/sanitize.sh asan -j2
fi
