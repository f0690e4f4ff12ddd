(async () => {
  const results = [];
  for (let i = 0; i < 3; i++) {
    setTimeout(() => results.push("t" + i), 0);
    await null;
    results.push("a" + i);
  }
  await new Promise((r) => setTimeout(r, 5));
  console.log(results.join(","));
})();
