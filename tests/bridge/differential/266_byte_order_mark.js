const o = { ...{ a: 1 } };
console.log("byte order mark", o.a);
