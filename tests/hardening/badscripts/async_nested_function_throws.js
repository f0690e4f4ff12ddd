// expect: parse error in reply
// at: 6
// then: click "Run"
async function parse(text) {
  await pn.sleep(1);
  throw new SyntaxError('parse error in reply: ' + text);
}
const b = pn.widgets.Button({name: 'Run'});
b.on_click(async () => {
  const value = await parse('x');
  console.log(value);
});
