// expect: lookup failed
// at: 7
// then: set "Level" 3
const s = pn.widgets.IntSlider({name: 'Level', start: 0, end: 10, value: 1});
const view = pn.bind(async (level) => {
  await pn.sleep(5);
  if (level === 3) throw new Error('lookup failed for ' + level);
  return 'level ' + level;
}, s);
pn.Column(s, pn.panel(view)).servable();
