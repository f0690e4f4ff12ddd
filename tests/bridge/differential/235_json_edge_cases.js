console.log(JSON.stringify([undefined, function () {}, Symbol("s")]), JSON.stringify({ a: undefined }), JSON.stringify(NaN), JSON.stringify(-0));
console.log(JSON.stringify({ toJSON() { return "custom"; } }), JSON.stringify("\u2028"), JSON.stringify({ a: [1, { b: 2 }] }, ["a"]));
console.log(JSON.stringify({ a: 1, b: [1, 2] }, null, "--"), JSON.stringify([1, 2], (k, v) => (typeof v === "number" ? v + 1 : v)));
try { JSON.parse("{bad json}"); } catch (e) { console.log(e.name); }
console.log(JSON.parse("[1, 2.5e1, true, null]").join(), JSON.parse('"\\u0041"'));
