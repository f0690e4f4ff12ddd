// expect: nothing
// then: wait 60
// then: close
const t = pn.widgets.StaticText({name: 'Out'});
let n = 0;
pn.state.add_periodic_callback(async () => {
  await pn.sleep(20);
  t.value = 'tick ' + (++n);
}, 10);
