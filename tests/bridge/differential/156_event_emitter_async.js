class Emitter {
  constructor() { this.handlers = {}; }
  on(name, fn) { (this.handlers[name] ||= []).push(fn); }
  async emit(name, ...args) {
    for (const h of this.handlers[name] ?? []) await h(...args);
  }
}
const e = new Emitter();
e.on("data", async (x) => { await null; console.log("h1", x); });
e.on("data", (x) => console.log("h2", x));
e.emit("data", 1).then(() => console.log("emitted"));
console.log("sync after emit");
