const p = Promise.resolve(1);
p.then((v) => { console.log("a", v); return v + 1; })
 .then((v) => { console.log("b", v); return Promise.resolve(v + 1); })
 .then((v) => console.log("c", v));
p.then(() => console.log("x")).then(() => console.log("y")).then(() => console.log("z")).then(() => console.log("w"));
