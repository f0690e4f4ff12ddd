// expect: then handler failed
// at: 4
Promise.resolve(1).then((v) => {
  throw new Error('then handler failed');
});
