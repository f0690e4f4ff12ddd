// expect: background job failed
// at: 5
pn.state.execute(async () => {
  await pn.sleep(10);
  throw new Error('background job failed');
});
