async function inner(n) {
  await null;
  console.log("inner", n);
  return n * 10;
}
async function middle(n) {
  const a = await inner(n);
  const b = await inner(n + 1);
  console.log("middle", a + b);
  return a + b;
}
async function outer() {
  const r = await Promise.all([middle(1), middle(5)]);
  console.log("outer", r.join(" "));
}
outer().then(() => console.log("end"));
