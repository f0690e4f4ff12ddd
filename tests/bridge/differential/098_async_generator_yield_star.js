async function* inner() { yield 1; await null; yield 2; }
async function* outer() {
  yield 0;
  yield* inner();
  yield* [3, 4];
  yield 5;
}
(async () => {
  const out = [];
  for await (const v of outer()) out.push(v);
  console.log(out.join(","));
})();
