Promise.resolve().then(() => {
  setTimeout(() => console.log("timer from microtask"), 0);
  queueMicrotask(() => console.log("micro from micro"));
});
setTimeout(() => {
  console.log("first timer");
  queueMicrotask(() => console.log("micro from first timer"));
}, 0);
