async function* pairs() { yield [1, { name: "a" }]; yield [2, { name: "b" }]; }
(async () => {
  for await (const [i, { name }] of pairs()) console.log(i, name);
  let last;
  for await (last of pairs());
  console.log("last", last[0]);
})();
