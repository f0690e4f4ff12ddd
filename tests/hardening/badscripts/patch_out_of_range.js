// expect: patch
// at: 7
// then: click "Run"
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
const b = pn.widgets.Button({name: 'Run'});
b.on_click(pn.io.with_lock(async () => {
  cds.patch({y: [[5, 1.0]]});
}));
