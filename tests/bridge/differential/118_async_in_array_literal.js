const v = (x) => Promise.resolve(x);
(async () => {
  const arr = [await v(1), await v(2), ...(await v([3, 4]))];
  const obj = { a: await v("a"), [await v("key")]: await v("val") };
  console.log(arr.join(), JSON.stringify(obj), `${await v("t")}-${await v("u")}`);
  console.log((await v(2)) + (await v(3)), await v(1) + 1);
})();
