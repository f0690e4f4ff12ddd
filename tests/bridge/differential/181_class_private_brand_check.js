class A {
  #x = 1;
  static read(o) {
    try { return o.#x; } catch (e) { return e.constructor.name; }
  }
}
console.log(A.read(new A()), A.read({}));
