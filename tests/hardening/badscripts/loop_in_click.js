// expect: nterrupt
// at: file
// then: click "Run"
// needs: watchdog
const b = pn.widgets.Button({name: 'Run'});
b.on_click(() => {
  for (;;) {}
});
