// expect: RangeError: Maximum call stack size exceeded
// at: 5
// then: click "Run"
const b = pn.widgets.Button({name: 'Run'});
const walk = (node) => walk({child: node}).length;
b.on_click(() => walk({}));
