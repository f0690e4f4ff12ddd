// ES2023's change-array-by-copy methods: results, the original untouched,
// holes, negative indices, errors, typed arrays, property shape.
const a = [3, 1, 2];
console.log(JSON.stringify([a.toSorted(), a.toReversed(), a.with(-1, 9), a.toSpliced(1, 1, 'x', 'y'), a]));
console.log(JSON.stringify([[5, , 1].toSorted(), [1, , 3].toReversed(), [1, 2, 3].toSpliced(1), [1, 2, 3].toSpliced()]));
console.log(JSON.stringify(['b', 'a', 'c'].toSorted((x, y) => (x < y ? 1 : -1))));
console.log(JSON.stringify(Array.prototype.toReversed.call({ length: 2, 0: 'p', 1: 'q' })));
for (const bad of [() => [1].with(5, 1), () => [1].toSorted(1), () => new Int8Array(2).with(3, 1)]) {
  try { bad(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
}
const t = new Int16Array([30, 10, 20]);
console.log(t.toSorted().join(), t.toReversed().join(), t.with(0, 7).join(), t.join(), t.toSorted() instanceof Int16Array);
console.log(new BigInt64Array([2n, 1n]).with(1, 5n).join());
console.log([Array.prototype.toSorted.length, Array.prototype.toSpliced.length, Array.prototype.with.length,
             Array.prototype.with.name, Object.keys(Array.prototype).length,
             Array.prototype[Symbol.unscopables].toSorted, 'with' in Array.prototype[Symbol.unscopables]].join());
