async function worker(name, n) {
  for (let i = 0; i < n; i++) {
    console.log(name, i);
    await null;
  }
  return name + " done";
}
Promise.all([worker("a", 3), worker("b", 2), worker("c", 4)]).then((r) => console.log(r.join(",")));
