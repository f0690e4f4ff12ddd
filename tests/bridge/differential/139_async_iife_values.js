(async function named() {
  console.log(typeof named);
  return 1;
})().then((v) => console.log(v));
(async () => 2)().then(console.log);
