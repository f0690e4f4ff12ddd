// expect: generator_mode
// at: 4
const before = 1;
const w = pn.panel(() => 1, {generator_mode: 'prepend'});
