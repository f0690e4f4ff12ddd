// expect: TextAreaInput.placeholder
// at: 4
const before = 1;
const w = pn.widgets.TextAreaInput({placeholder: [1, 2]});
