// expect: pn.widgets.Slider is not a qpanel component (did you mean IntSlider, FloatSlider?)
// at: 4
const before = 1;
const w = pn.widgets.Slider({value: 1});
