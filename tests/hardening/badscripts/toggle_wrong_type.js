// expect: Toggle.value
// at: 4
const before = 1;
const w = pn.widgets.Toggle({value: {on: true}});
