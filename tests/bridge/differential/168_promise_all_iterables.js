function* gen() { yield 1; yield Promise.resolve(2); }
Promise.all(gen()).then((v) => console.log("gen", v.join()));
Promise.all(new Set([3, 4])).then((v) => console.log("set", v.join()));
Promise.all("ab").then((v) => console.log("string", v.join()));
Promise.all([]).then((v) => console.log("empty", v.length));
Promise.all(5).catch((e) => console.log("not iterable", e instanceof TypeError));
