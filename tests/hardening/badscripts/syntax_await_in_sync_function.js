// expect: 'await' is only allowed within async functions
// at: 4
function load() {
  const r = await pn.fetch('http://127.0.0.1:9/');
  return r;
}
