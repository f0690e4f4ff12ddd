"""param peer: `w.value = i` with one watcher, Panel's reactive core.

usage: param_peer.py N -> "param_set <us per change>" (a param.Integer),
                          "param_number_set <us per change>" (a param.Number),
                          and the same per CPU second: "param_cpu_set",
                          "param_number_cpu_set" (time.process_time)

bench_pyapp runs time_sets() on a qpanel slider in qpanel's interpreter:
the same loop, the same kind of watcher.
"""
import sys
import time

import param


class Widget(param.Parameterized):
    value = param.Integer(default=0)


class NumberWidget(param.Parameterized):
    value = param.Number(default=0.0)


def time_sets(w, n, runs=3, clock=time.perf_counter):
    """Best seconds per `w.value = ...` of `runs` runs of n sets, one watcher."""
    calls, first = [0], w.value

    def on_change(event):
        calls[0] += event.new - event.old

    watcher = w.param.watch(on_change, "value")
    best = float("inf")
    try:
        for _ in range(runs):
            start = clock()
            base = w.value
            for i in range(1, n + 1):
                w.value = base + i
            best = min(best, clock() - start)
    finally:
        w.param.unwatch(watcher)
    assert calls[0] == w.value - first, (calls[0], w.value, first)
    return best / n


def main():
    n = int(sys.argv[1])
    print(f"param_set {time_sets(Widget(), n) * 1e6:.4f}")
    print(f"param_number_set {time_sets(NumberWidget(), n) * 1e6:.4f}")
    print(f"param_cpu_set {time_sets(Widget(), n, clock=time.process_time) * 1e6:.4f}")
    cpu = time_sets(NumberWidget(), n, clock=time.process_time)
    print(f"param_number_cpu_set {cpu * 1e6:.4f}")


if __name__ == "__main__":
    main()
