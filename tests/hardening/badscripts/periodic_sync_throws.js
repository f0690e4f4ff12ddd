// expect: tick 2 failed
// at: 6
let n = 0;
pn.state.add_periodic_callback(() => {
  n += 1;
  if (n === 2) throw new Error('tick 2 failed');
}, {period: 10, count: 3});
