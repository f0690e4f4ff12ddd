// expect: 'source' must be
// at: 4
const f = pn.plotting.figure({title: 't'});
f.line({x: 'x', y: 'y'});
