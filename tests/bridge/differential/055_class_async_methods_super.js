class A {
  async value() { await null; return 1; }
}
class B extends A {
  async value() {
    const base = await super.value();
    return base + 10;
  }
  static async create() { await null; return new B(); }
}
B.create().then((b) => b.value()).then((v) => console.log("value", v));
