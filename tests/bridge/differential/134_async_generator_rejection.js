async function* g() {
  yield 1;
  throw new Error("gen failed");
}
(async () => {
  const out = [];
  try {
    for await (const v of g()) out.push(v);
  } catch (e) {
    out.push(e.message);
  }
  console.log(out.join("|"));
})();
