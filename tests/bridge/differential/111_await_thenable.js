const thenable = {
  then(resolve) {
    console.log("then called");
    resolve("from thenable");
  },
};
(async () => {
  const v = await thenable;
  console.log(v);
})();
Promise.resolve().then(() => console.log("tick 1")).then(() => console.log("tick 2"));
