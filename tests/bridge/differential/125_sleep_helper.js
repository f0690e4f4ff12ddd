const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  console.log("a");
  await sleep(5);
  console.log("b");
  await sleep(0);
  console.log("c");
})();
