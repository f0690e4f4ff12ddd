async function a() {
  console.log("a1");
  await null;
  console.log("a2");
  await new Promise((r) => setTimeout(r, 0));
  console.log("a3");
}
setTimeout(() => console.log("timeout"), 0);
Promise.resolve().then(() => console.log("then1")).then(() => console.log("then2"));
a().then(() => console.log("done"));
console.log("sync");
