// Errors go to pn.config.exception_handler, as in Panel: the run succeeds.
pn.config.exception_handler = (e) => console.log(`handled: ${e.message}`);
pn.state.execute(async () => {
  await pn.sleep(5);
  throw new Error('from a task');
});
setTimeout(() => { throw new Error('from a timer'); }, 30);
