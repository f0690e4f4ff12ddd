// expect: width
// at: 4
const before = 1;
const w = pn.plotting.figure({width: 'wide'});
