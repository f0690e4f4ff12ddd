// expect: TextInput.value
// at: 4
const before = 1;
const w = pn.widgets.TextInput({value: {a: 1}});
