// expect: thrown after an await
// at: file
// then: click "Run"
// A non-Error value has no stack: the error names the file only.
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => {
  await pn.sleep(5);
  throw 'thrown after an await';
});
