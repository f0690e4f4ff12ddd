// expect: TypeError
// at: 7
// then: click "Run"
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => {
  const reply = await Promise.resolve(undefined);
  console.log(reply.status);
});
