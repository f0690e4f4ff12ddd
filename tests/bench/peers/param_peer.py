"""param peer: `w.value = i` with one watcher, Panel's reactive core.

usage: param_peer.py N -> "param_set <us per change>"
"""
import sys
import time

import param


class Widget(param.Parameterized):
    value = param.Integer(default=0)


def main():
    n = int(sys.argv[1])
    w = Widget()
    calls = [0]

    def on_change(event):
        calls[0] += event.new - event.old

    w.param.watch(on_change, "value")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        base = w.value
        for i in range(1, n + 1):
            w.value = base + i
        best = min(best, time.perf_counter() - start)
    assert calls[0] == w.value
    print(f"param_set {best / n * 1e6:.4f}")


if __name__ == "__main__":
    main()
