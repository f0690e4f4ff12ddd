// expect: Button has no parameter 'nme'
// at: 4
const before = 1;
const w = pn.widgets.Button({nme: 'Go'});
