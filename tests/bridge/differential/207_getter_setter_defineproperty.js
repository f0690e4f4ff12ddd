const o = {};
let store = 0;
Object.defineProperty(o, "x", { get() { return store * 2; }, set(v) { store = v; }, enumerable: true, configurable: true });
o.x = 21;
console.log(o.x, JSON.stringify(o), Object.keys(o).join());
const frozen = Object.freeze({ a: 1 });
try { "use strict"; frozen.a = 2; } catch (e) { console.log("threw"); }
console.log(frozen.a, Object.isFrozen(frozen));
