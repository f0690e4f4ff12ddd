// A periodic callback that stops by itself after three runs.
let n = 0;
pn.state.add_periodic_callback(async () => {
  await pn.sleep(5);
  n += 1;
  console.log(`tick ${n}`);
}, {period: 30, count: 3});
