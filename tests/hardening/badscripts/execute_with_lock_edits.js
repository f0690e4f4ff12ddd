// expect: nothing
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
pn.state.execute(pn.io.with_lock(async () => {
  await pn.sleep(1);
  cds.stream({x: [1], y: [1]});
}));
