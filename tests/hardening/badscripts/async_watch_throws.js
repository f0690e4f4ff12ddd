// expect: async watcher failed
// at: 8
// then: set "Query" "abc"
const t = pn.widgets.TextInput({name: 'Query', value: ''});
t.param.watch(async (e) => {
  await pn.sleep(5);

  throw new TypeError('async watcher failed for ' + e.new);
}, 'value');
