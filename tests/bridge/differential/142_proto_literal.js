const base = { greet() { return "hi from base"; } };
const o = { __proto__: base, own: 1 };
console.log(o.greet(), Object.keys(o).join(), Object.getPrototypeOf(o) === base);
const dict = { __proto__: null, a: 1 };
console.log(Object.getPrototypeOf(dict) === null, Object.keys(dict).join(), "toString" in dict);
