async function* gen(name, n) {
  for (let i = 0; i < n; i++) {
    await null;
    yield name + i;
  }
}
(async () => {
  const a = gen("a", 3), b = gen("b", 3);
  const out = [];
  for (let i = 0; i < 3; i++) {
    const [x, y] = await Promise.all([a.next(), b.next()]);
    out.push(x.value, y.value);
  }
  console.log(out.join(" "));
})();
