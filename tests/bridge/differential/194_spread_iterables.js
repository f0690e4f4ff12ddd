function* g() { yield 1; yield 2; }
const m = new Map([["k", "v"]]);
console.log([...g(), ...m, ..."ab", ...new Set([3])].map(String).join("|"));
console.log(Math.min(...g()), [...Array(3).keys()].join(), Array.of(...g()).length);
