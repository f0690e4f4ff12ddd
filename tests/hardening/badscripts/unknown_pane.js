// expect: 'HTML'
// at: 4
const before = 1;
const w = pn.pane.HTML('<b>x</b>');
