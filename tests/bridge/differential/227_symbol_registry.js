const s1 = Symbol.for("app.key");
const s2 = Symbol.for("app.key");
console.log(s1 === s2, Symbol.keyFor(s1), Symbol.keyFor(Symbol("local")), typeof s1);
const o = { [s1]: "value", normal: 1 };
console.log(Object.keys(o).length, Object.getOwnPropertySymbols(o).length, o[s2], JSON.stringify(o));
console.log(String(Symbol("x")), Symbol("y").toString(), Symbol("d").description);
