// expect: Row has no parameter 'gap'
// at: 4
const before = 1;
const w = pn.Row(pn.widgets.Button(), {gap: 3});
