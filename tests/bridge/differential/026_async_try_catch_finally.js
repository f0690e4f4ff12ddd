async function risky(fail) {
  try {
    await null;
    if (fail) throw new Error("bad " + fail);
    return "ok";
  } catch (e) {
    console.log("caught", e.message);
    return "recovered";
  } finally {
    console.log("finally", fail);
  }
}
(async () => {
  console.log(await risky(0));
  console.log(await risky(1));
})();
