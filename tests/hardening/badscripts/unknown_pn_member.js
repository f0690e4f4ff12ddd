// expect: pn.Colum is not part of qpanel's pn (did you mean Column?)
// at: 4
const b = pn.widgets.Button({name: 'Run'});
const layout = pn.Colum(b);
