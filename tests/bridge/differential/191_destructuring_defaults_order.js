const log = [];
const f = (tag) => { log.push(tag); return tag; };
const { a = f("a"), b = f("b"), c = f("c") } = { b: 2 };
const [x = f("x"), y = f("y")] = [undefined, null];
console.log(a, b, c, x, y, log.join());
