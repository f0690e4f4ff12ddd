class Tracked extends Promise {
  constructor(executor) {
    super(executor);
    this.tag = "tracked";
  }
}
const t = new Tracked((r) => r(5));
const chained = t.then((v) => v * 2);
console.log(t instanceof Tracked, t instanceof Promise, chained instanceof Tracked, chained.tag);
chained.then((v) => console.log("value", v));
Tracked.resolve(1).then((v) => console.log("static resolve", v, Tracked.resolve(1) instanceof Tracked));
