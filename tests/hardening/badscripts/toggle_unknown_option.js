// expect: Toggle has no parameter 'checked'
// at: 4
const before = 1;
const w = pn.widgets.Toggle({checked: true});
