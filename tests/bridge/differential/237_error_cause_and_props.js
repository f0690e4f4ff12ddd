const e = new Error("outer");
console.log(e.message, e.name, "stack" in e, Object.keys(e).length, e instanceof Object);
const t = new TypeError();
console.log(JSON.stringify(t.message), t.toString(), Error("no new").message);
const custom = Object.assign(new Error("with props"), { code: "E_CODE" });
console.log(custom.code, Object.keys(custom).join());
