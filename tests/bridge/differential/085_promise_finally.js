Promise.resolve(1)
  .finally(() => console.log("finally 1"))
  .then((v) => console.log("value kept", v));
Promise.reject(new Error("e"))
  .finally(() => console.log("finally 2"))
  .catch((e) => console.log("error kept", e.message));
Promise.resolve(2)
  .finally(() => { throw new Error("from finally"); })
  .catch((e) => console.log("finally throws", e.message));
Promise.resolve(3)
  .finally(() => new Promise((r) => setTimeout(r, 2)))
  .then((v) => console.log("waited", v));
