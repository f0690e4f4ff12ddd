// expect: unknown option 'exclusiv'
// at: 4
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => 1, {exclusiv: true});
