class Base {
  get value() { return "base"; }
  set value(v) { this._v = v; }
}
class Derived extends Base {
  get value() { return "derived+" + super.value; }
}
const d = new Derived();
console.log(d.value);
d.value = 5;
console.log(d._v, Object.getOwnPropertyNames(Derived.prototype).join());
