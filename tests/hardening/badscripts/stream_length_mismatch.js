// expect: column 'y' has 2 values but 'x' has 3; nothing was changed
// at: 7
// then: click "Run"
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
const b = pn.widgets.Button({name: 'Run'});
b.on_click(pn.io.with_lock(async () => {
  cds.stream({x: [1, 2, 3], y: [1, 2]});
}));
