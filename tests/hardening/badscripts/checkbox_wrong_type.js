// expect: Checkbox.value
// at: 4
const before = 1;
const w = pn.widgets.Checkbox({value: [1]});
