// node: module
console.log("before");
const v = await Promise.resolve(42);
console.log("after", v);
await new Promise((r) => setTimeout(r, 2));
console.log("after timer");
