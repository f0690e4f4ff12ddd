async function run() {
  const re = /await/;
  const t = `await ${await Promise.resolve("x")} await`;
  console.log(re.test(t), t);
  const r2 = /\bawait\b \/ async/;
  return r2.source;
}
run().then(console.log);
