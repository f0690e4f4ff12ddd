const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  const out = [];
  for (const ms of [3, 1, 2]) out.push(await delay(ms, ms));
  console.log("sequential", out.join());
  const par = await Promise.all([3, 1, 2].map((ms) => delay(ms, ms)));
  console.log("parallel", par.join());
})();
