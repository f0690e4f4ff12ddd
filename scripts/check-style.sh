#!/usr/bin/env bash
# The house style (STYLE.md), checked over every tracked C++ file:
#   - clang-format clean against .clang-format (Debian 12's clang-format 14;
#     other versions format differently, so the version is pinned here);
#   - one member-naming convention: trailing underscore (name_), never m_name.
# Fix formatting with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=${CLANG_FORMAT:-clang-format}
command -v "$formatter" >/dev/null || { echo "check-style: $formatter not found (scripts/bootstrap.sh installs it)" >&2; exit 1; }
version=$("$formatter" --version)
case "$version" in
  *" 14."*) ;;
  *) echo "check-style: needs clang-format 14 (Debian 12), found: $version" >&2; exit 1 ;;
esac
mapfile -t files < <(git ls-files '*.cpp' '*.h')
[ ${#files[@]} -gt 0 ] || { echo "check-style: no tracked C++ files found (not a git checkout?)" >&2; exit 1; }
status=0
if ! unformatted=$("$formatter" --dry-run --Werror "${files[@]}" 2>&1); then
  echo "check-style: these files are not clang-format clean:" >&2
  grep -oE '^[^:]+:[0-9]+:[0-9]+: (error|warning)' <<<"$unformatted" | cut -d: -f1 | sort | uniq -c >&2
  grep -m 5 -A 2 -E ': (error|warning)' <<<"$unformatted" >&2 || true
  status=1
fi
if members=$(grep -nE '\bm_[A-Za-z][A-Za-z0-9_]*' "${files[@]}"); then
  echo "check-style: members are named name_, not m_name:" >&2
  head -n 20 <<<"$members" >&2
  status=1
fi
[ $status -eq 0 ] && echo "check-style: ${#files[@]} files clang-format clean, one member style"
exit $status
