const temp = {
  _c: 25,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
};
console.log(temp.f);
temp.f = 50;
console.log(temp._c);
const desc = Object.getOwnPropertyDescriptor(temp, "f");
console.log(typeof desc.get, typeof desc.set, desc.enumerable);
