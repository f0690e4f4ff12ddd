// expect: Card has no parameter 'titel'
// at: 4
const before = 1;
const w = pn.Card(pn.widgets.Button(), {titel: 'x'});
