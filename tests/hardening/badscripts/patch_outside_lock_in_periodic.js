// expect: pn.io.with_lock
// at: 6
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
pn.state.add_periodic_callback(async () => {
  await pn.sleep(1);
  cds.patch({y: [[0, 5]]});
}, {period: 10, count: 1});
