// expect: FloatSlider has no parameter 'maximum'
// at: 4
const before = 1;
const w = pn.widgets.FloatSlider({maximum: 1});
