const results = [];
for (let i = 0; i < 3; i++) {
  setTimeout(async () => {
    await null;
    results.push(i);
    if (results.length === 3) console.log("order", results.join());
  }, (2 - i) * 20);
}
