const o = Object.fromEntries([["a", 1], ["b", 2]]);
console.log(JSON.stringify(o), JSON.stringify(Object.fromEntries(new Map([["x", true]]))));
console.log(JSON.stringify(Object.fromEntries(Object.entries({ p: 1, q: 2 }).map(([k, v]) => [k.toUpperCase(), v * 2]))));
console.log(Object.hasOwn(o, "a"), Object.hasOwn(o, "toString"), Object.hasOwn([], "length"));
