setTimeout(() => {
  console.log("t1");
  Promise.resolve().then(() => console.log("t1 micro"));
  queueMicrotask(() => console.log("t1 queueMicrotask"));
}, 0);
setTimeout(() => {
  console.log("t2");
  Promise.resolve().then(() => console.log("t2 micro"));
}, 0);
