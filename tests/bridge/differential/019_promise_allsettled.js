Promise.allSettled([
  Promise.resolve(1),
  Promise.reject(new Error("no")),
  3,
  new Promise((r) => setTimeout(() => r(4), 2)),
]).then((results) => {
  for (const r of results) console.log(r.status, r.status === "fulfilled" ? r.value : r.reason.message);
});
