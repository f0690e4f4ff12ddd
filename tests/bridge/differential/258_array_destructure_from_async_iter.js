async function* three() { yield 1; yield 2; yield 3; }
(async () => {
  const collected = [];
  for await (const x of three()) collected.push(x);
  const [a, ...rest] = collected;
  console.log(a, rest.join());
  const arr = await Promise.all([...collected].map(async (x) => x * 2));
  console.log(arr.join());
})();
