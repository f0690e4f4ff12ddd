setTimeout(() => console.log("timeout 1"), 0);
queueMicrotask(() => console.log("micro 1"));
Promise.resolve().then(() => {
  console.log("then 1");
  queueMicrotask(() => console.log("micro nested"));
  Promise.resolve().then(() => console.log("then nested"));
});
setTimeout(() => console.log("timeout 2"), 0);
console.log("sync");
