#!/usr/bin/env bash
# Unpacks Debian's libnode108 + libnode-dev (V8 10.2) into $QPANEL_LIBNODE_DIR
# (default /opt/qpanel-libnode) without installing them: for machines where a
# non-Debian nodejs package makes apt refuse libnode-dev. The library's own
# dependencies (libuv1, libicu72, …) are installed with apt. Idempotent and
# quiet: it does nothing when the unpacked version is apt's candidate.
set -euo pipefail
root=${QPANEL_LIBNODE_DIR:-/opt/qpanel-libnode}
version=$(apt-cache policy libnode108 | awk '/Candidate:/ { print $2 }')
[ -n "$version" ] && [ "$version" != "(none)" ] ||
  { echo "unpack-libnode: apt knows no libnode108 (is this Debian 12?)" >&2; exit 1; }
[ "$(cat "$root/.qpanel-libnode-version" 2>/dev/null)" = "$version" ] && exit 0
# The folder is replaced whole: never one this script did not make.
if [ -e "$root" ] && [ ! -f "$root/.qpanel-libnode-version" ] && [ -n "$(ls -A "$root")" ]; then
  echo "unpack-libnode: $root exists and is not an unpacked libnode; set QPANEL_LIBNODE_DIR to a new folder" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo "bootstrap: unpacking libnode108 + libnode-dev $version into $root"
apt-get download -qq -o APT::Sandbox::User=root libnode108 libnode-dev >/dev/null
# Runtime libraries libnode.so links, from its Depends (the node-* packages
# are JavaScript for the node binary, which qpanel does not need).
deps=$(dpkg-deb -f libnode108_*.deb Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep '^lib')
missing=()
for dep in $deps; do
  dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok installed" || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
rm -rf "$root.new"
mkdir -p "$root.new"
for deb in libnode108_*.deb libnode-dev_*.deb; do dpkg-deb -x "$deb" "$root.new"; done
echo "$version" >"$root.new/.qpanel-libnode-version"
rm -rf "$root"
mv "$root.new" "$root"
