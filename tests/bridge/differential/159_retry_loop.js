let attempts = 0;
async function flaky() {
  await null;
  if (++attempts < 3) throw new Error("attempt " + attempts);
  return "success after " + attempts;
}
async function retry(fn, n) {
  for (let i = 0; i < n; i++) {
    try {
      return await fn();
    } catch (e) {
      console.log("retrying:", e.message);
    }
  }
  throw new Error("gave up");
}
retry(flaky, 5).then(console.log);
