// expect: IntSlider.value
// at: 8
// then: click "Run"
const s = pn.widgets.IntSlider({name: 'Level'});
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => {
  await pn.sleep(1);
  s.value = 'eleven';
});
