// expect: Checkbox has no parameter 'label'
// at: 4
const before = 1;
const w = pn.widgets.Checkbox({label: 'x'});
