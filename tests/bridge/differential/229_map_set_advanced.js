const m = new Map([[1, "a"], [2, "b"], [3, "c"]]);
m.delete(2);
console.log([...m.entries()].map(([k, v]) => k + v).join(), m.size);
const grouped = new Map();
for (const w of ["apple", "avocado", "banana", "blueberry", "cherry"]) {
  const k = w[0];
  grouped.set(k, [...(grouped.get(k) ?? []), w]);
}
console.log(JSON.stringify([...grouped]));
const s = new Set("mississippi");
console.log([...s].join(""), s.size);
const a = new Set([1, 2, 3]), b = new Set([2, 3, 4]);
console.log([...a].filter((x) => b.has(x)).join(), [...new Set([...a, ...b])].join());
