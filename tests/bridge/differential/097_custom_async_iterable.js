const source = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next() {
        i++;
        return new Promise((r) => setTimeout(() => r({ value: i * 10, done: i > 3 }), 1));
      },
      return() {
        console.log("return called");
        return Promise.resolve({ done: true });
      },
    };
  },
};
(async () => {
  for await (const v of source) console.log(v);
  for await (const v of source) { console.log("first only", v); break; }
})();
