class Temperature {
  static #instances = 0;
  static get instances() { return Temperature.#instances; }
  #celsius;
  constructor(c) { this.#celsius = c; Temperature.#instances++; }
  get [Symbol.toStringTag]() { return "Temperature"; }
  [Symbol.toPrimitive](hint) { return hint === "number" ? this.#celsius : `${this.#celsius}°C`; }
}
const t = new Temperature(21);
new Temperature(0);
console.log(`${t}`, +t + 1, Temperature.instances, Object.prototype.toString.call(t));
