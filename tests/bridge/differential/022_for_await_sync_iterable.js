(async () => {
  for await (const v of [1, Promise.resolve(2), new Promise((r) => setTimeout(() => r(3), 1))]) {
    console.log("value", v);
  }
  console.log("end");
})();
