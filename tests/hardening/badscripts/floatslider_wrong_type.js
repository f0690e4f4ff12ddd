// expect: FloatSlider.start
// at: 4
const before = 1;
const w = pn.widgets.FloatSlider({start: 'zero'});
