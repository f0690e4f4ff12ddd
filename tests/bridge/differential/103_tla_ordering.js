// node: module
Promise.resolve().then(() => console.log("micro 1"));
setTimeout(() => console.log("timer"), 0);
console.log("sync 1");
await null;
console.log("after await");
Promise.resolve().then(() => console.log("micro 2"));
