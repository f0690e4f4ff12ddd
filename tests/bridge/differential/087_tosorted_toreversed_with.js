// requires node >= 20 (Array.prototype.toSorted, toReversed and with are ES2023, V8 11)
const a = [3, 1, 2];
console.log(a.toSorted().join(), a.join(), a.toReversed().join(), a.with(1, 9).join(), a.with(-1, 0).join());
