// expect: pn.io.with_lock
// at: 8
// then: click "Run"
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => {
  await pn.sleep(5);
  cds.stream({x: [1], y: [1]});
});
