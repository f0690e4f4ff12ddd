async function* numbers() {
  try {
    let i = 0;
    while (true) yield i++;
  } finally {
    console.log("numbers closed");
  }
}
(async () => {
  for await (const n of numbers()) {
    console.log("n", n);
    if (n === 2) break;
  }
  console.log("after loop");
})();
