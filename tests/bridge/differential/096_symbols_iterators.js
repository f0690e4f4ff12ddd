class Range {
  constructor(n) { this.n = n; }
  *[Symbol.iterator]() { for (let i = 0; i < this.n; i++) yield i; }
}
console.log([...new Range(4)].join(), Array.from(new Range(3), (x) => x * 2).join());
const it = { i: 0, next() { return this.i < 2 ? { value: this.i++, done: false } : { value: undefined, done: true }; }, [Symbol.iterator]() { return this; } };
for (const v of it) console.log("manual", v);
