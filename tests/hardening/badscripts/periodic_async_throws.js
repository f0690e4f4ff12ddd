// expect: async tick failed
// at: 5
pn.state.add_periodic_callback(async () => {
  await pn.sleep(2);
  throw new Error('async tick failed');
}, {period: 10, count: 1});
