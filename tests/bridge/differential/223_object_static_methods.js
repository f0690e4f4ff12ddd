const o = { b: 2, a: 1, 1: "one", 0: "zero" };
console.log(Object.keys(o).join(), Object.values(o).join(), JSON.stringify(Object.entries(o)));
const target = Object.assign({}, { x: 1 }, null, { y: 2 });
console.log(JSON.stringify(target), Object.is(NaN, NaN), Object.is(0, -0));
const sealed = Object.seal({ s: 1 });
sealed.s = 2;
sealed.t = 3;
console.log(sealed.s, sealed.t, Object.isSealed(sealed), Object.isExtensible(sealed));
console.log(Object.getOwnPropertyNames("ab").join(), Object.entries("hi").join("|"));
