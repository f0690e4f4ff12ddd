// expect: figure: unknown option 'titel'
// at: 4
const before = 1;
const w = pn.plotting.figure({titel: 'x'});
