// expect: TextInput has no parameter 'text'
// at: 4
const before = 1;
const w = pn.widgets.TextInput({text: 'x'});
