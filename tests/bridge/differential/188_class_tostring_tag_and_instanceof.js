class Even {
  static [Symbol.hasInstance](n) { return n % 2 === 0; }
}
class Tagged {
  get [Symbol.toStringTag]() { return "TaggedThing"; }
}
console.log(2 instanceof Even, 3 instanceof Even, Object.prototype.toString.call(new Tagged()));
