async function* gen() {
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    console.log("cleanup");
  }
}
(async () => {
  const it = gen();
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.return(42)));
  console.log(JSON.stringify(await it.next()));
})();
