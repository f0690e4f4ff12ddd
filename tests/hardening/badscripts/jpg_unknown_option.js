// expect: JPG has no parameter 'alt'
// at: 4
const before = 1;
const w = pn.pane.JPG('http://127.0.0.1:9/a.jpg', {alt: 'x'});
