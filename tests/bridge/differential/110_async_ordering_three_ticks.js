async function returnsPromise() { return Promise.resolve("p"); }
async function returnsValue() { return "v"; }
returnsPromise().then((x) => console.log(x));
returnsValue().then((x) => console.log(x));
Promise.resolve().then(() => console.log(1)).then(() => console.log(2)).then(() => console.log(3)).then(() => console.log(4));
