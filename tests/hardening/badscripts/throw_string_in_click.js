// expect: plain string from a click
// at: 5
// then: click "Run"
const b = pn.widgets.Button({name: 'Run'});
b.on_click(() => {
  throw 'plain string from a click';
});
