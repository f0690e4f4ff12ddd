const a = [1, , 3];
console.log(a.length, 1 in a, a.map((x) => x * 2).length, JSON.stringify(a), a.join("-"));
a.length = 1;
console.log(JSON.stringify(a));
const b = [];
b[5] = "x";
console.log(b.length, b.filter(() => true).length, b.indexOf(undefined));
