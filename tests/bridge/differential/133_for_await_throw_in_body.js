async function* g() {
  try { yield 1; yield 2; } finally { console.log("closed"); }
}
(async () => {
  try {
    for await (const v of g()) {
      console.log("v", v);
      throw new Error("body threw");
    }
  } catch (e) {
    console.log("caught", e.message);
  }
})();
