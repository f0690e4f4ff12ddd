try {
  throw { code: 42, detail: { msg: "bad" } };
} catch ({ code, detail: { msg } }) {
  console.log(code, msg);
}
const entries = Object.entries({ a: 1, b: 2 });
for (let [k, v] of entries) { v *= 10; console.log(k, v); }
const nested = [[1, [2, 3]], [4, [5, 6]]];
for (const [a, [b, c]] of nested) console.log(a + b + c);
