function makeCounter() {
  let count = 0;
  return async function inc() {
    const before = count;
    await null;
    count = before + 1;
    return count;
  };
}
const inc = makeCounter();
Promise.all([inc(), inc(), inc()]).then((r) => console.log("lost updates", r.join()));
