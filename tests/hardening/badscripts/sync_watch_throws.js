// expect: watcher failed at 7
// at: 6
// then: set "Level" 7
const s = pn.widgets.IntSlider({name: 'Level', start: 0, end: 10, value: 1});
s.param.watch((e) => {
  if (e.new === 7) throw new Error('watcher failed at 7');
}, 'value');
