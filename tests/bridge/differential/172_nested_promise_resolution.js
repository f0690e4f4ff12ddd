const inner = new Promise((r) => setTimeout(() => r("inner"), 2));
const outer = new Promise((r) => r(inner));
outer.then((v) => console.log("outer got", v));
Promise.resolve(Promise.resolve(Promise.resolve("deep"))).then(console.log);
