// expect: execute failed
// at: 4
pn.state.execute(() => {
  throw new Error('execute failed');
});
