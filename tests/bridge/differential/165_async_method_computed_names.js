const key = "dyn";
const obj = {
  async [key + "Method"]() { await null; return "computed"; },
  async *[Symbol.asyncIterator]() { yield "iter"; },
};
(async () => {
  console.log(await obj.dynMethod());
  for await (const v of obj) console.log(v);
})();
