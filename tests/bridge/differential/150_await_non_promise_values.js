(async () => {
  console.log(await 1, await "s", await undefined, await null, await { a: 1 }.a);
  const arr = await [1, 2];
  console.log(arr.length);
})();
console.log("first");
