// expect: RangeError
// at: 6
// then: click "Run"
// needs: fix: stack overflow is reported at line 1 with a 1000-line stack
const b = pn.widgets.Button({name: 'Run'});
const walk = (node) => walk({child: node}).length;
b.on_click(() => walk({}));
