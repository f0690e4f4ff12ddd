// Loads fine; an async task throws after an await.
console.log('loaded');
pn.state.execute(async () => {
  await pn.sleep(30);
  throw new Error('thrown from an async task');
});
