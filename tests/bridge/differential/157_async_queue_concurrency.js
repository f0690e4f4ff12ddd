async function pool(tasks, limit) {
  const results = [];
  let running = 0, index = 0;
  return new Promise((resolve) => {
    const next = () => {
      if (index === tasks.length && running === 0) return resolve(results);
      while (running < limit && index < tasks.length) {
        const i = index++;
        running++;
        tasks[i]().then((v) => {
          results[i] = v;
          running--;
          console.log("finished", i, "running", running);
          next();
        });
      }
    };
    next();
  });
}
const task = (v, ticks) => async () => { for (let t = 0; t < ticks; t++) await null; return v; };
pool([task("a", 3), task("b", 1), task("c", 2), task("d", 1)], 2).then((r) => console.log(r.join()));
