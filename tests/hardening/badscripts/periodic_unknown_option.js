// expect: unknown option 'every'
// at: 4
const before = 1;
const w = pn.state.add_periodic_callback(() => 1, {period: 10, every: 3});
