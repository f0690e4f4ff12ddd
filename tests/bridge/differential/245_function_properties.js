function f(a, b) {}
const g = (a, ...rest) => {};
console.log(f.name, f.length, g.name, g.length, (function () {}).name, typeof f.prototype, typeof g.prototype);
const obj = { method() {}, get prop() { return 1; }, ["comp" + "uted"]() {} };
console.log(obj.method.name, Object.getOwnPropertyDescriptor(obj, "prop").get.name, obj.computed.name);
