// expect: nothing
// then: click "Run"
// then: close
const t = pn.widgets.StaticText({name: 'Out'});
const b = pn.widgets.Button({name: 'Run'});
b.on_click(() => {
  pn.sleep(30).then(() => pn.sleep(30)).then(() => { t.value = 'late'; });
});
