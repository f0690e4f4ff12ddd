// expect: 'Slider'
// at: 4
const before = 1;
const w = pn.widgets.Slider({value: 1});
