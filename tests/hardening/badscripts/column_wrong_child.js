// expect: layouts hold components or text, got null
// at: 4
const before = 1;
const w = pn.Column(pn.widgets.Button(), null);
