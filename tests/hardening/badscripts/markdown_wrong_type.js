// expect: Markdown.width
// at: 4
const before = 1;
const w = pn.pane.Markdown('# hi', {width: 'wide'});
