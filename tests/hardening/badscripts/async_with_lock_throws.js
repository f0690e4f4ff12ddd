// expect: locked section failed
// at: 7
// then: click "Run"
const b = pn.widgets.Button({name: 'Run'});
b.on_click(pn.io.with_lock(async () => {
  await pn.sleep(5);
  throw new Error('locked section failed');
}));
