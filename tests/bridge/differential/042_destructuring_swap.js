let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
const m = new Map([["k1", 1], ["k2", 2]]);
for (const [k, v] of m) console.log(k, v);
for (const { id, ...more } of [{ id: 1, x: 2 }, { id: 2, y: 3 }]) console.log(id, Object.keys(more).join());
