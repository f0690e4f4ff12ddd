// expect: timer callback failed
// at: 4
setTimeout(() => {
  throw new Error('timer callback failed');
}, 10);
