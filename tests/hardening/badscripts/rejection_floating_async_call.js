// expect: floating call failed
// at: 6
// then: click "Run"
async function save() {
  await pn.sleep(5);
  throw new Error('floating call failed');
}
const b = pn.widgets.Button({name: 'Run'});
b.on_click(() => { save(); });
