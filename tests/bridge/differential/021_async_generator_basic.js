async function* count(n) {
  for (let i = 0; i < n; i++) {
    await null;
    yield i;
  }
}
(async () => {
  for await (const v of count(3)) console.log("got", v);
  console.log("done");
})();
