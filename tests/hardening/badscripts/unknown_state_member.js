// expect: pn.state.curdoc is not part of qpanel's pn.state
// at: 4
const before = 1;
const title = pn.state.curdoc.title;
