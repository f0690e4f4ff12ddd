const a = [3, 1, 2];
console.log(a.toSorted().join(), a.join(), a.toReversed().join(), a.with(1, 9).join(), a.with(-1, 0).join());
