async function* g() {
  try {
    yield 1;
    await new Promise((r) => setTimeout(r, 1));
    yield 2;
  } finally {
    console.log("finally runs");
  }
}
(async () => {
  const it = g();
  await it.next();
  const r = await it.return("bye");
  console.log(JSON.stringify(r));
  console.log(JSON.stringify(await it.next()));
})();
