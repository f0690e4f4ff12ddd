async function* numbers() { for (let i = 1; i <= 5; i++) { await null; yield i; } }
async function* map(src, fn) { for await (const x of src) yield fn(x); }
async function* filter(src, pred) { for await (const x of src) if (pred(x)) yield x; }
async function* take(src, n) {
  if (n <= 0) return;
  for await (const x of src) { yield x; if (--n <= 0) return; }
}
(async () => {
  const out = [];
  for await (const v of take(filter(map(numbers(), (x) => x * 3), (x) => x % 2 === 1), 2)) out.push(v);
  console.log(out.join());
})();
