class Temp {
  #c = 0;
  get #f() { return this.#c * 9 / 5 + 32; }
  set #f(v) { this.#c = (v - 32) * 5 / 9; }
  setF(v) { this.#f = v; return this; }
  get fahrenheit() { return this.#f; }
  get celsius() { return this.#c; }
}
const t = new Temp().setF(212);
console.log(t.celsius, t.fahrenheit);
