#!/usr/bin/env bash
# Builds everything (app, libraries, tests, benchmarks) and runs the whole
# test suite headless with ctest, then the sanitizer stage: the ASan + UBSan +
# LeakSanitizer build of the async, lifetime and bad-input tests in
# build-asan/ (scripts/sanitize.sh asan; docs/RELIABILITY.md).
# QPANEL_SANITIZERS=0 skips that stage. Arguments go to the suite's ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --timeout 300 -j2 "$@"
if [ "${QPANEL_SANITIZERS:-1}" != 0 ]; then
  echo "== sanitizer stage (scripts/sanitize.sh asan)"
  scripts/sanitize.sh asan -j2
fi
