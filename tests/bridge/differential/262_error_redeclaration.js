console.log("a redeclared const is an early error: nothing runs");
const limit = 1;
async function run() { await null; }
const limit = 2;
