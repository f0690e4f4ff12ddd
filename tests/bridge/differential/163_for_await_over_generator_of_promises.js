function* promises() {
  yield new Promise((r) => setTimeout(() => r("p1"), 3));
  yield Promise.resolve("p2");
  yield "plain";
}
(async () => {
  for await (const v of promises()) console.log(v);
})();
