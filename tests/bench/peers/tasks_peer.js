// n concurrent async tasks, each awaiting a timer-resolved promise (the
// shape of `await pn.sleep(0)`), joined by Promise.all. The same file runs
// in qpanel's V8 engine (v8tasks_bench times runBatch from C++) and in node,
// where the block at the end times it and prints "<n> <best ns>" lines.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

globalThis.runBatch = (n) =>
  Promise.all(Array.from({ length: n }, async () => { await sleep(0); }));

if (typeof process === "object") {
  (async () => {
    const runs = Number(process.argv[2]);
    for (const n of process.argv.slice(3).map(Number)) {
      let best = Infinity;
      for (let r = 0; r < runs; r++) {
        const start = process.hrtime.bigint();
        await runBatch(n);
        best = Math.min(best, Number(process.hrtime.bigint() - start));
      }
      console.log(n, best);
    }
  })();
}
