// expect: pn.io.with_lock
// at: 6
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
pn.state.execute(async () => {
  await pn.sleep(5);
  cds.data = {x: [1, 2], y: [3, 4]};
});
