// A syntax error on line 5 (a missing closing parenthesis).
console.log('top level ran');

async function broken() {
  await pn.sleep(10;
}
