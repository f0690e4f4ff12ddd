// expect: plain string from a click
// at: 6
// then: click "Run"
// needs: fix: a non-Error value thrown in a callback is not reported
const b = pn.widgets.Button({name: 'Run'});
b.on_click(() => {
  throw 'plain string from a click';
});
