const v = (x) => Promise.resolve(x);
(async () => {
  const a = (await v(false)) || (await v("second"));
  const b = (await v(null)) ?? "nullish";
  const c = (await v(true)) ? await v("yes") : await v("no");
  let d = 0;
  while ((await v(d)) < 3) d++;
  console.log(a, b, c, d);
})();
