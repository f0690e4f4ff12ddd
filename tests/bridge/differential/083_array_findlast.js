const arr = [1, 2, 3, 4, 5, 6];
console.log(arr.findLast((x) => x % 2 === 1), arr.findLastIndex((x) => x % 2 === 1), arr.findLastIndex((x) => x > 10), arr.findLast((x) => x > 10));
