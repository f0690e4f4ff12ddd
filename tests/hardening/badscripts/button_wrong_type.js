// expect: Button.clicks
// at: 4
const before = 1;
const w = pn.widgets.Button({clicks: 'many'});
