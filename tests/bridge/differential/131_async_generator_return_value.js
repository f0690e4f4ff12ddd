async function* g() {
  yield 1;
  return "ret";
}
(async () => {
  const it = g();
  console.log(JSON.stringify(await it.next()), JSON.stringify(await it.next()), JSON.stringify(await it.next()));
})();
