async function* g() {
  const a = yield await Promise.resolve("x");
  const b = yield a + "!";
  return b;
}
(async () => {
  const it = g();
  console.log((await it.next()).value);
  console.log((await it.next("got")).value);
  console.log(JSON.stringify(await it.next("end")));
})();
