// node: module
async function* g() { yield "a"; yield "b"; }
for await (const x of g()) console.log(x);
const results = await Promise.all([1, 2].map(async (n) => n * 2));
console.log(results.join());
