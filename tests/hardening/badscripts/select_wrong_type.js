// expect: Select.options
// at: 4
const before = 1;
const w = pn.widgets.Select({options: 5});
