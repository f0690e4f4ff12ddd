let calls = 0;
function next() { return ++calls; }
function f(a, b = a * 2, c = next()) { return [a, b, c].join(","); }
console.log(f(1), f(1, undefined), f(1, null), f(2, 3, 4), calls);
function g(x = 1, y) { return arguments.length; }
console.log(g(), g(undefined), g.length);
