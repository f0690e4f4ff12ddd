const { a, b: { c = 5, d } = {}, ...rest } = { a: 1, b: { d: 4 }, e: 5, f: 6 };
console.log(a, c, d, JSON.stringify(rest));
const [x, , y = 10, ...zs] = [1, 2, undefined, 4, 5];
console.log(x, y, zs.join("-"));
