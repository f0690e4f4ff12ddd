// expect: pn.pane.HTML is not a qpanel component
// at: 4
const before = 1;
const w = pn.pane.HTML('<b>x</b>');
