function* inner() { const x = yield 1; console.log("inner got", x); yield 2; return "inner result"; }
function* outer() { const r = yield* inner(); console.log("delegate returned", r); yield 3; }
const g = outer();
console.log(g.next().value);
console.log(g.next("hello").value);
console.log(g.next().value);
console.log(g.next().done);
