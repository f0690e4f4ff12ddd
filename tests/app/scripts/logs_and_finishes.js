// Logs from top level, a timer and an async task, warns once, then finishes.
console.log('first line');
console.warn('careful: this goes to stderr');
setTimeout(() => console.log('from a timer'), 20);
pn.state.execute(async () => {
  await pn.sleep(40);
  console.log('after an await', {answer: 42});
});
console.log('last top-level line');
