// expect: Str has no parameter 'font'
// at: 4
const before = 1;
const w = pn.pane.Str('x', {font: 'mono'});
