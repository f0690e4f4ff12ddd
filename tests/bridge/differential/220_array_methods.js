const a = [5, 1, 4, 2, 3];
console.log(a.map((x) => x * 2).join(), a.filter((x) => x > 2).join(), a.reduce((s, x) => s + x, 0), a.reduceRight((s, x) => s + x, ""));
console.log(a.some((x) => x > 4), a.every((x) => x > 0), a.find((x) => x > 3), a.findIndex((x) => x > 3), a.indexOf(4), a.lastIndexOf(9));
console.log([NaN].includes(NaN), [NaN].indexOf(NaN), Array.from({ length: 3 }, (_, i) => i * i).join(), Array.of(7).length);
console.log([1, 2, 3, 4, 5].copyWithin(0, 3).join(), new Array(3).fill(0).join(), [3, 2, 1].reverse().join(), [1, 2, 3].slice(-2).join());
const sp = [1, 2, 3, 4];
console.log(sp.splice(1, 2, "a", "b", "c").join(), sp.join());
