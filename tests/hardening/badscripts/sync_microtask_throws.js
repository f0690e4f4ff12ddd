// expect: microtask failed
// at: 4
queueMicrotask(() => {
  throw new Error('microtask failed');
});
