#!/usr/bin/env bash
# Builds the qpanel app and launches it (on a bundled example by default).
# Extra arguments go to qpanel, e.g. scripts/run.sh path/to/app.js
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target qpanel
[ $# -eq 0 ] && set -- --example async_button
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "no display found: starting qpanel under xvfb-run (Ctrl+C to stop)"
  exec xvfb-run -a build/bin/qpanel "$@"
fi
exec build/bin/qpanel "$@"
