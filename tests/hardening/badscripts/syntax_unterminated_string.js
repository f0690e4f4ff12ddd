// expect: Unterminated string constant
// at: 4
const t = pn.widgets.StaticText({value: 'ok'});
t.value = 'unterminated;
