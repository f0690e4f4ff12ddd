// expect: Chart
// at: 4
const before = 1;
const w = pn.pane.Chart(42);
