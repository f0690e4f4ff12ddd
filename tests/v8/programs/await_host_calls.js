// `await` on host calls (sleeper.sleep, pn.sleep's shape) interleaved with
// timers and microtasks: qpanel must print what node prints (node runs it
// with sleeper_shim.cjs, node's own promise timers). Only timers started in
// one task are close in time; the rest are far apart, so a slow loop keeps
// the order. Object keys are in sorted order: a plain object crosses C++ as
// a QVariantMap.
const log = (...args) => console.log(...args);

setTimeout(() => log('timer 20'), 20);
(async () => {
  log('a: start');
  await sleeper.sleep(20);
  log('a: slept 20');
  Promise.resolve().then(() => log('a: microtask after the sleep'));
  setTimeout(() => log('timer 5 started by a'), 5);
  await sleeper.sleep(5);
  log('a: slept 5');
  setTimeout(() => log('timer 0 started by a'), 0);
  await sleeper.sleep(0);
  log('a: slept 0');
})();
setTimeout(() => log('timer 20 second'), 20);
(async () => {
  const value = await sleeper.later({ list: [1, 'two'], n: 2 }, 20);
  log('b: later', JSON.stringify(value));
  log('b: now', await sleeper.now('ready'));
  const [x, y] = await Promise.all([sleeper.later('x', 40), sleeper.later('y', 35)]);
  log('b: all', x, y);
})();
sleeper.sleep(150).then(v => log('then after sleep 150:', v));
setTimeout(() => log('timer 150'), 150);
Promise.resolve().then(() => log('microtask'));
log('sync end');
