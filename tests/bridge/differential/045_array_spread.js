function sum(...nums) { return nums.reduce((s, n) => s + n, 0); }
const arr = [1, 2, 3];
console.log(sum(...arr), sum(...arr, ...[4, 5]), sum());
console.log([..."héllo"].length, [...new Set([1, 1, 2, 3, 3])].join());
console.log(Math.max(...arr, 0));
