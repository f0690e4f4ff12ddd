async function* g() {
  console.log("start");
  const x = yield "first";
  console.log("received", x);
  yield "second";
}
const it = g();
const p1 = it.next("ignored");
const p2 = it.next("hello");
const p3 = it.next();
Promise.all([p1, p2, p3]).then((rs) => console.log(rs.map((r) => `${r.value}/${r.done}`).join(" ")));
console.log("queued");
