// expect: pn.bind: the first argument must be a function
// at: 4
const before = 1;
const w = pn.bind(42, pn.widgets.IntSlider());
