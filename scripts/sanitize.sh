#!/usr/bin/env bash
# Sanitizer builds and runs (docs/RELIABILITY.md):
#   scripts/sanitize.sh asan   AddressSanitizer + UBSan + LeakSanitizer: core,
#                              bridge and hardening tests (bad scripts, reload
#                              under load, fetch faults, fuzz; the Python
#                              corpus and reload) in build-asan/
#   scripts/sanitize.sh tsan   ThreadSanitizer: the thread-offload, lock,
#                              periodic and runtime tests of core in build-tsan/
# Extra arguments go to ctest (e.g. -R Pattern). BUILD_DIR overrides the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-}
shift || true
case "$kind" in
  asan)
    dir=${BUILD_DIR:-build-asan}
    flags=(-DQPANEL_SANITIZE=ON)
    targets=(core_tests bridge_jstasks_test bridge_pn_test hardening_tests
             python_hardening_test python_session_test pyloop_test qpanel)
    tests='^(Scheduler|Runtime|DocumentLock|Param|Reactive|Periodic|RunInThread|Lifetime|Fetch|JsTasks|PnApi|Corpus|BadScript|ReloadUnderLoad|PeriodicCallbackClose|FetchFaults|Fuzz|PyCorpus|PyReload|AsyncioLoop|Programs/Conformance|PythonSafety|PythonSession|PythonAppSession|PythonExamples)'
    # LeakSanitizer is on by default with ASan on Linux; say so anyway. It
    # stays on for every test, including those that abort requests (Qt
    # Network's exit-time cycle is avoided in core/fetch.cpp, docs/PITFALLS.md).
    export LSAN_OPTIONS="suppressions=$PWD/tests/hardening/lsan.supp:print_suppressions=0"
    # allocator_may_return_null: the bad-script corpora ask for 2^60 bytes on
    # purpose (MemoryError, RangeError); ASan must return null as malloc does.
    export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:suppressions=$PWD/tests/bridge/asan.supp"
    # CPython's small-object allocator keeps objects in mmap'd arenas LSan
    # does not scan, so everything they point to would look leaked at exit;
    # with malloc LSan follows the interpreter's live objects and still
    # reports memory nothing references (docs/RELIABILITY.md).
    export PYTHONMALLOC=malloc
    ;;
  tsan)
    dir=${BUILD_DIR:-build-tsan}
    flags=(-DQPANEL_TSAN=ON)
    targets=(core_tests)
    tests='^(RunInThread|DocumentLock|Periodic|Runtime|Scheduler|Lifetime)\.'
    export TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp:halt_on_error=1:second_deadlock_stack=1"
    ;;
  *)
    echo "usage: scripts/sanitize.sh asan|tsan [ctest arguments]" >&2
    exit 2
    ;;
esac
mkdir -p "$dir"
# Quiet like scripts/build.sh: the log is in $dir/build.log, its tail shown on failure.
if ! cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQPANEL_BUILD_BENCHMARKS=OFF "${flags[@]}" \
       $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache) >"$dir/build.log" 2>&1; then
  tail -n 60 "$dir/build.log" >&2
  exit 1
fi
# The V8 engine's tests, when libnode was found (docs/V8.md). Not grep -q:
# it would stop reading early, and ninja's SIGPIPE fails the pipe (pipefail).
if [ "$kind" = asan ] && ninja -C "$dir" -t targets all 2>/dev/null | grep '^v8engine_tests:' >/dev/null; then
  targets+=(v8engine_tests)
  tests="${tests%)}|V8)"
fi
if ! cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}" >>"$dir/build.log" 2>&1; then
  tail -n 60 "$dir/build.log" >&2
  echo "sanitizer build failed: full log in $dir/build.log" >&2
  exit 1
fi
echo "== $kind build: running its tests"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$dir" --output-on-failure --timeout 600 -R "$tests" "$@"
