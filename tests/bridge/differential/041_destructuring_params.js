function f({ name, tags: [first, ...others] = [], opts: { verbose = false } = {} }) {
  return `${name}:${first}:${others.length}:${verbose}`;
}
console.log(f({ name: "n", tags: ["t1", "t2", "t3"] }));
console.log(f({ name: "m", opts: { verbose: true } }));
const g = ([a, b] = [1, 2], { c } = { c: 3 }) => a + b + c;
console.log(g(), g([10, 20]), g(undefined, { c: 100 }));
