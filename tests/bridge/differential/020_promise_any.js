Promise.any([Promise.reject(1), Promise.resolve(2), Promise.resolve(3)]).then((v) => console.log("any", v));
Promise.any([Promise.reject(new Error("x")), Promise.reject(new Error("y"))]).catch((e) => {
  console.log(e instanceof AggregateError, e.name, e.message);
  console.log(e.errors.map((x) => x.message).join(","));
});
Promise.any([]).catch((e) => console.log("empty", e.constructor.name, e.errors.length));
