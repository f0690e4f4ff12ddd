// expect: cannot render level
// at: 6
// then: set "Level" 6
const s = pn.widgets.IntSlider({name: 'Level', start: 0, end: 10, value: 1});
const view = pn.bind((level) => {
  if (level > 5) throw new Error('cannot render level ' + level);
  return 'level ' + level;
}, s);
pn.Column(s, view).servable();
