// expect: 'z'
// at: 7
// then: click "Run"
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
const b = pn.widgets.Button({name: 'Run'});
b.on_click(pn.io.with_lock(async () => {
  cds.stream({x: [1], z: [1]});
}));
