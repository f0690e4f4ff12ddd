// expect: rejected by executor
// at: 6
// then: click "Run"
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => {
  await new Promise((resolve, reject) => setTimeout(() => reject(new Error('rejected by executor')), 5));
});
