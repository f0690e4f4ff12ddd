// expect: depends failed
// at: 6
// then: set "Level" 4
const s = pn.widgets.IntSlider({name: 'Level', start: 0, end: 10, value: 1});
pn.depends(s, {watch: true})((level) => {
  if (level === 4) throw new Error('depends failed');
});
