// expect: IntSlider has no parameter 'valeu'
// at: 4
const s = pn.widgets.IntSlider({name: 'Level'});
s.param.watch((e) => console.log(e.new), 'valeu');
