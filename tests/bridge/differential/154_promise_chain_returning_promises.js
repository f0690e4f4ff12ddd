const order = [];
Promise.resolve()
  .then(() => { order.push(1); return new Promise((r) => setTimeout(() => r("slow"), 2)); })
  .then((v) => { order.push(v); });
Promise.resolve().then(() => order.push("fast"));
setTimeout(() => console.log(order.join(",")), 20);
