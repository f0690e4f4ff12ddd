const re = /await\s+(\w+)/g;
const text = "await foo; await bar; async baz";
console.log(text.match(re).join("|"));
console.log(`await ${"this"} template`, "await in string", /async|await/.test("async"));
const obj = { await: 1, async: 2 };
console.log(obj.await + obj.async);
