const delays = [5, 1, 3];
Promise.all(delays.map((d, i) => new Promise((r) => setTimeout(() => { console.log("resolved", i); r(i); }, d))))
  .then((v) => console.log("all", v.join()));
