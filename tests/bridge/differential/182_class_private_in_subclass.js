class Base {
  #secret = "base secret";
  reveal() { return this.#secret; }
}
class Child extends Base {
  #secret = "child secret";
  revealChild() { return this.#secret; }
}
const c = new Child();
console.log(c.reveal(), c.revealChild());
