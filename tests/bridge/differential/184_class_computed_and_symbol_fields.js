const k = "dynamic";
const s = Symbol("sym");
class C {
  [k] = 1;
  [s] = 2;
  ["lit" + "eral"] = 3;
  static [k + "Static"] = 4;
}
const c = new C();
console.log(c.dynamic, c[s], c.literal, C.dynamicStatic);
