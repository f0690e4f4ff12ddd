// expect: Image has no parameter 'src'
// at: 4
const before = 1;
const w = pn.pane.Image('http://127.0.0.1:9/a.png', {src: 'x'});
