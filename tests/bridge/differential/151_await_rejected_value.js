(async () => {
  try {
    await Promise.reject("plain string");
  } catch (e) {
    console.log("caught", typeof e, e);
  }
  try {
    await { then(_, reject) { reject(new Error("thenable rejected")); } };
  } catch (e) {
    console.log("caught", e.message);
  }
})();
