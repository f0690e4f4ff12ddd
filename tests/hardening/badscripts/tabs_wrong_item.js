// expect: pn.Tabs
// at: 4
const before = 1;
const w = pn.Tabs(pn.widgets.Button());
