// node: module
try {
  await Promise.reject(new Error("fail"));
} catch (e) {
  console.log("caught at top level", e.message);
}
function helper() { return "hoisted"; }
console.log(helper());
