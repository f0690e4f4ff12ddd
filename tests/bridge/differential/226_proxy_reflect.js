const logged = [];
const target = { a: 1 };
const p = new Proxy(target, {
  get(t, k, r) { logged.push("get " + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { logged.push("set " + String(k)); return Reflect.set(t, k, v * 10, r); },
  has(t, k) { return k === "hidden" ? false : Reflect.has(t, k); },
});
p.b = 2;
console.log(p.a, p.b, "hidden" in p, "a" in p);
console.log(logged.join(", "));
console.log(Reflect.ownKeys({ x: 1, [Symbol("s")]: 2 }).length, Reflect.apply(Math.max, null, [1, 3, 2]));
