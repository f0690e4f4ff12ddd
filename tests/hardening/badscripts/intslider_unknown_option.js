// expect: IntSlider has no parameter 'min'
// at: 4
const before = 1;
const w = pn.widgets.IntSlider({min: 0});
