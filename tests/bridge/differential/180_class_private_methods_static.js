class IdGen {
  static #next = 1;
  static #format(n) { return "id-" + String(n).padStart(3, "0"); }
  static next() { return IdGen.#format(IdGen.#next++); }
}
console.log(IdGen.next(), IdGen.next(), IdGen.next());
