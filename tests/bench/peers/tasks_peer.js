// n concurrent async tasks, each awaiting a 0 ms sleep, joined by
// Promise.all; the sleep is either a JS closure over setTimeout or the
// host's promise-returning timer (qpanel: JsTimers::sleep, the future
// pn.sleep; node: timers/promises). The same file runs in qpanel's V8 engine
// (v8tasks_bench times runBatch from C++, after defining hostSleep) and in
// node, where the block at the end times it and prints
// "<variant> <n> <best ns>" lines.
const closureSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const hostSleep = globalThis.hostSleep ?? require("timers/promises").setTimeout;
const sleeps = { closure: closureSleep, host: hostSleep };

globalThis.runBatch = (variant, n) => {
  const sleep = sleeps[variant];
  return Promise.all(Array.from({ length: n }, async () => { await sleep(0); }));
};

if (typeof process === "object") {
  (async () => {
    const runs = Number(process.argv[2]);
    for (const variant of Object.keys(sleeps)) {
      for (const n of process.argv.slice(3).map(Number)) {
        let best = Infinity;
        for (let r = 0; r < runs; r++) {
          const start = process.hrtime.bigint();
          await runBatch(variant, n);
          best = Math.min(best, Number(process.hrtime.bigint() - start));
        }
        console.log(variant, n, best);
      }
    }
  })();
}
