console.log("start");
const p = new Promise((resolve, reject) => {
  console.log("executor runs synchronously");
  resolve("first");
  resolve("second");
  reject(new Error("ignored"));
});
p.then((v) => console.log("resolved with", v));
console.log("end");
