const log = [];
const o = {
  _v: 1,
  get v() { log.push("get"); return this._v; },
  set v(x) { log.push("set " + x); this._v = x; },
};
o.v ||= 2;
o.v &&= 3;
o.v ??= 4;
console.log(log.join(", "), o._v);
const arr = [null, 0, "x"];
arr[0] ??= "filled";
arr[1] ||= "truthy";
arr[2] &&= arr[2].toUpperCase();
console.log(arr.join());
