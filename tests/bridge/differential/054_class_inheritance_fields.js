class Base {
  kind = "base";
  constructor() { this.init = this.describe(); }
  describe() { return "I am " + this.kind; }
}
class Derived extends Base {
  kind = "derived";
  extra = this.kind + "!";
  describe() { return "derived says " + super.describe(); }
}
const d = new Derived();
console.log(d.kind, d.extra, d.init);
console.log(d instanceof Base, Object.getPrototypeOf(Derived) === Base);
