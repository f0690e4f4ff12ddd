// expect: IntSlider.step
// at: 4
const before = 1;
const w = pn.widgets.IntSlider({step: 'fine'});
