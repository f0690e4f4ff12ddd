const log = [];
async function a() { log.push("a1"); await null; log.push("a2"); await null; log.push("a3"); }
async function b() { log.push("b1"); await null; log.push("b2"); }
Promise.all([a(), b()]).then(() => console.log(log.join(" ")));
