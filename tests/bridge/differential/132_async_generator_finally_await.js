async function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    await new Promise((r) => setTimeout(r, 1));
    console.log("async cleanup done");
  }
}
(async () => {
  for await (const v of g()) {
    console.log("v", v);
    break;
  }
  console.log("loop exited");
})();
