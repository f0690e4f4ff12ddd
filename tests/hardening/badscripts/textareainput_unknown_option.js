// expect: TextAreaInput has no parameter 'lines'
// at: 4
const before = 1;
const w = pn.widgets.TextAreaInput({lines: 3});
