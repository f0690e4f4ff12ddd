// expect: click handler failed
// at: 6
// then: click "Run"
const b = pn.widgets.Button({name: 'Run'});
b.on_click((e) => {
  throw new Error('click handler failed');
});
pn.Row(b).servable();
