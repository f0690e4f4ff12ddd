// node's stand-in for tests/v8/sleeper.h, preloaded with `node -r`: the
// same calls as promises from node's own timers (timers/promises).
const { setTimeout: wait } = require('timers/promises');
globalThis.sleeper = {
  sleep: ms => wait(Math.max(ms, 1)),
  later: (value, ms) => wait(Math.max(ms, 1), value),
  now: value => Promise.resolve(value),
};
