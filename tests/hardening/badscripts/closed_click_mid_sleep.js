// expect: nothing
// then: click "Run"
// then: close
const b = pn.widgets.Button({name: 'Run'});
const t = pn.widgets.StaticText({name: 'Out'});
b.on_click(async () => {
  await pn.sleep(50);
  t.value = 'resumed'; console.log('click resumed after close');
});
