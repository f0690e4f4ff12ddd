function counter(start = 0) {
  let n = start;
  return { inc: () => ++n, dec: () => --n, get value() { return n; } };
}
const c1 = counter(), c2 = counter(10);
c1.inc(); c1.inc(); c2.dec();
console.log(c1.value, c2.value);
const adders = [1, 2, 3].map((x) => (y) => x + y);
console.log(adders.map((f) => f(10)).join());
