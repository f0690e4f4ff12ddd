// expect: Unexpected token
// at: 6:1
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => {
  console.log('never closed');
