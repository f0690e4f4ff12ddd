const priv = new WeakMap();
class Person {
  constructor(name) { priv.set(this, { name, secrets: [] }); }
  tell(s) { priv.get(this).secrets.push(s); return this; }
  get summary() { const p = priv.get(this); return `${p.name} knows ${p.secrets.length}`; }
}
console.log(new Person("Ann").tell("a").tell("b").summary);
const ws = new WeakSet();
const k = {};
ws.add(k);
console.log(ws.has(k), ws.has({}));
