async function* gen() {
  while (true) {
    try {
      yield "tick";
    } catch (e) {
      console.log("generator caught", e);
      yield "recovered";
      return;
    }
  }
}
(async () => {
  const it = gen();
  console.log((await it.next()).value);
  console.log((await it.throw("oops")).value);
  console.log(JSON.stringify(await it.next()));
})();
