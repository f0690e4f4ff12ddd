// expect: request failed
// at: 7
// then: click "Run"
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async (e) => {
  await pn.sleep(20);
  throw new Error('request failed');
});
