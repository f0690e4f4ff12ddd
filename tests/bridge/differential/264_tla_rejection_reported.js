// node: module
console.log("before");
await null;
console.log("after first await");
await Promise.reject(new Error("top-level rejection"));
console.log("never printed");
