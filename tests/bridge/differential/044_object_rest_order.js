const sym = Symbol("s");
const src = { z: 1, a: 2, [sym]: 3, 10: "ten", 2: "two" };
const { a, ...rest } = src;
console.log(a, Object.keys(rest).join(","), rest[sym]);
