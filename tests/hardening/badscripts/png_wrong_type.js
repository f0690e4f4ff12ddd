// expect: PNG.height
// at: 4
const before = 1;
const w = pn.pane.PNG('http://127.0.0.1:9/a.png', {height: 'tall'});
