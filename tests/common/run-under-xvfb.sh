#!/bin/sh
# Runs a test binary on a real X server: a fresh Xvfb from `xvfb-run -a`,
# with Qt's xcb platform (ctest's environment says offscreen for the rest).
# Without xvfb-run the binary runs as is and its tests skip, saying why.
if command -v xvfb-run >/dev/null 2>&1; then
    QT_QPA_PLATFORM=xcb exec xvfb-run -a "$@"
fi
echo "run-under-xvfb.sh: xvfb-run not found (Debian: apt-get install xvfb xauth)" >&2
exec "$@"
