const a = new Promise((r) => setTimeout(() => r("a"), 30));
const b = new Promise((r) => setTimeout(() => r("b"), 1));
Promise.race([a, b]).then((v) => console.log("race", v));
Promise.race([]).then(() => console.log("never"));
Promise.race([1, Promise.resolve(2)]).then((v) => console.log("first plain", v));
a.then(() => console.log("a done"));
