console.log([1, "two", [3, [4, [5, [6]]]]], { a: { b: { c: { d: 1 } } } });
console.log(null, undefined, true, -0, 0, NaN, Infinity, "str");
console.log([undefined, null], [, 1], {}, [], { "needs-quote": 1, ok: 2 });
console.log(new Map([[1, "a"]]), new Set(["x"]), [1.5, -2]);
console.log("it's", ["it's"], ['say "hi"']);
