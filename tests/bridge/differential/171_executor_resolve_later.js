let resolveLater;
const p = new Promise((r) => { resolveLater = r; });
p.then((v) => console.log("resolved later with", v));
console.log("pending");
setTimeout(() => resolveLater("timer value"), 2);
