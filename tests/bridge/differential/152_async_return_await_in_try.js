async function withReturnAwait() {
  try {
    return await Promise.reject(new Error("awaited"));
  } catch (e) {
    return "caught " + e.message;
  }
}
async function withoutAwait() {
  try {
    return Promise.reject(new Error("not awaited"));
  } catch (e) {
    return "never";
  }
}
withReturnAwait().then(console.log);
withoutAwait().catch((e) => console.log("escaped", e.message));
