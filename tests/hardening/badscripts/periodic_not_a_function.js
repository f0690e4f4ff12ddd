// expect: must be a function
// at: 4
const before = 1;
const w = pn.state.add_periodic_callback('tick', 100);
