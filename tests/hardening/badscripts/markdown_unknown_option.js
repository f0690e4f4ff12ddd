// expect: Markdown has no parameter 'style'
// at: 4
const before = 1;
const w = pn.pane.Markdown('# hi', {style: 'x'});
