// expect: nothing
// then: set "Level" 2
// then: close
const s = pn.widgets.IntSlider({name: 'Level', start: 0, end: 10, value: 1});
const view = pn.bind(async (level) => { await pn.sleep(50); console.log('bind resumed'); return level; }, s);
pn.Column(s, pn.panel(view)).servable();
