const tree = {
  value: 1,
  children: [{ value: 2, children: [{ value: 3, children: [] }] }, { value: 4, children: [] }],
  *[Symbol.iterator]() {
    yield this.value;
    for (const c of this.children) yield* tree[Symbol.iterator].call(c);
  },
};
console.log([...tree].join());
