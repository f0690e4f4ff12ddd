"""numpy ingest peer: 100k-row numpy chunks into a 10M-row rolling buffer.

usage: ingest_peer.py TOTAL CHUNK ROLLOVER ->
  "concat_rows_per_s <rows/s>"  np.concatenate + tail slice per chunk (the
                                hand-rolled rolling buffer; Bokeh is not installed)
  "ring_rows_per_s <rows/s>"    a preallocated numpy ring, slice assignment
                                (the memcpy floor for the same data)

bench_pyapp runs time_ingest() with qpanel's cds.stream in qpanel's
interpreter: the same chunks, the same loop.
"""
import sys
import time

import numpy as np


def make_chunks(total, chunk, dtype="float64"):
    """Distinct x/y arrays, made before the clock starts."""
    out = []
    for start in range(0, total, chunk):
        x = np.arange(start, start + chunk, dtype=dtype)
        out.append((x, (x % 1000).astype(dtype)))
    return out


def time_ingest(stream, chunks):
    """Seconds for stream(x, y) over every chunk."""
    start = time.perf_counter()
    for x, y in chunks:
        stream(x, y)
    return time.perf_counter() - start


def concat_buffer(rollover):
    buf = {"x": np.empty(0), "y": np.empty(0)}

    def stream(x, y):
        buf["x"] = np.concatenate((buf["x"], x))[-rollover:]
        buf["y"] = np.concatenate((buf["y"], y))[-rollover:]

    return buf, stream


def ring_buffer(rollover, dtype="float64"):
    buf = {"x": np.empty(rollover, dtype), "y": np.empty(rollover, dtype), "end": 0}

    def stream(x, y):
        n, at = len(x), buf["end"] % rollover
        head = min(n, rollover - at)
        for name, values in (("x", x), ("y", y)):
            buf[name][at:at + head] = values[:head]
            buf[name][:n - head] = values[head:]
        buf["end"] += n

    return buf, stream


def best_rows_per_s(make_stream, chunks, runs, rollover):
    rows, best = sum(len(x) for x, _ in chunks), 0.0
    for _ in range(runs):
        buf, stream = make_stream()
        best = max(best, rows / time_ingest(stream, chunks))
        last = buf["x"][-1] if "end" not in buf else buf["x"][(buf["end"] - 1) % rollover]
        assert last == rows - 1, last  # the newest row is the last one streamed
    return best


def main():
    total, chunk, rollover = (int(a) for a in sys.argv[1:4])
    chunks = make_chunks(total, chunk)
    concat = best_rows_per_s(lambda: concat_buffer(rollover), chunks, 2, rollover)
    print(f"concat_rows_per_s {concat:.0f}")
    ring = best_rows_per_s(lambda: ring_buffer(rollover), chunks, 3, rollover)
    print(f"ring_rows_per_s {ring:.0f}")


if __name__ == "__main__":
    main()
