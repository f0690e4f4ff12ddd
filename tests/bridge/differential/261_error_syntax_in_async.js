console.log("a syntax error means nothing runs");
async function broken() {
  await (1 + ;
}
