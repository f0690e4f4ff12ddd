// expect: Select has no parameter 'choices'
// at: 4
const before = 1;
const w = pn.widgets.Select({choices: ['a']});
