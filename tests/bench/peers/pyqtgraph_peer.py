"""pyqtgraph peer for bench_charts: the same frame as qpanel's (append 1,000
points to a rolling window, render the 800x400 plot, grab it), as a
pyqtgraph user writes it with numpy.

usage: pyqtgraph_peer.py frame N... -> "frame_N <ms per frame>" (pyqtgraph's
                                       defaults) and "frame_peak_N <ms>"
                                       (peak downsampling + clip to view)
"""
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PyQt6 import QtWidgets  # noqa: E402

WIDTH, HEIGHT, BATCH = 800, 400, 1000
MIN_SECONDS, MIN_FRAMES = 0.5, 3


class Window:
    """The latest `size` points of a random walk, contiguous for setData:
    a buffer of twice the window, copied down when full (amortised O(batch)
    per append, as QCustomPlot's addData + removeBefore)."""

    def __init__(self, size, rng):
        self.size, self.rng = size, rng
        self.t = np.empty(2 * size)
        self.v = np.empty(2 * size)
        self.t[:size] = np.arange(size, dtype=float)
        self.v[:size] = np.cumsum(rng.standard_normal(size))
        self.start, self.end = 0, size

    def append(self, n):
        if self.end + n > len(self.t):
            keep = self.size - n
            self.t[:keep] = self.t[self.end - keep:self.end]
            self.v[:keep] = self.v[self.end - keep:self.end]
            self.start, self.end = 0, keep
        last_t, last_v = self.t[self.end - 1], self.v[self.end - 1]
        self.t[self.end:self.end + n] = last_t + 1 + np.arange(n, dtype=float)
        self.v[self.end:self.end + n] = last_v + np.cumsum(self.rng.standard_normal(n))
        self.end += n
        self.start = self.end - self.size
        return self.t[self.start:self.end], self.v[self.start:self.end]


def ms_per_frame(size, peak):
    plot = pg.PlotWidget()
    plot.resize(WIDTH, HEIGHT)
    if peak:
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
    window = Window(size, np.random.default_rng(42))
    curve = plot.plot(window.t[:size], window.v[:size])
    plot.show()
    QtWidgets.QApplication.processEvents()
    plot.grab()  # warm-up frame
    frames, start = 0, time.perf_counter()
    while frames < MIN_FRAMES or time.perf_counter() - start < MIN_SECONDS:
        curve.setData(*window.append(BATCH))
        plot.grab()
        frames += 1
    elapsed = time.perf_counter() - start
    plot.close()
    plot.deleteLater()
    QtWidgets.QApplication.processEvents()
    return elapsed / frames * 1e3


def main():
    if sys.argv[1] != "frame":
        raise SystemExit(f"unknown mode {sys.argv[1]!r}")
    app = QtWidgets.QApplication([])  # noqa: F841 (kept alive for the plots)
    for arg in sys.argv[2:]:
        n = int(arg)
        print(f"frame_{n} {ms_per_frame(n, peak=False):.3f}", flush=True)
        print(f"frame_peak_{n} {ms_per_frame(n, peak=True):.3f}", flush=True)


if __name__ == "__main__":
    main()
