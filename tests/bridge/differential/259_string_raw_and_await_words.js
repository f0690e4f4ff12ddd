const await_ = "not a keyword here";
const async = (x) => x + 1;
console.log(async(1), await_, String.raw`await\n${1}`);
var yield_ = /yield|await/g;
console.log("await and yield".replace(yield_, (m) => m.toUpperCase()));
