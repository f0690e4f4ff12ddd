const steps = [1, 2, 3, 4];
steps
  .reduce((p, s) => p.then(async (acc) => { await null; return acc + s; }), Promise.resolve(0))
  .then((total) => console.log("total", total));
(async () => {
  const mapped = await Promise.all(steps.map(async (s, i) => { for (let k = 0; k < 4 - i; k++) await null; return s * s; }));
  console.log(mapped.join());
})();
