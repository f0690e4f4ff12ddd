const a = [1, [2, [3, [4]]], 5];
console.log(a.at(0), a.at(-1), a.at(10), [].at(0));
console.log(JSON.stringify(a.flat()), JSON.stringify(a.flat(2)), JSON.stringify(a.flat(Infinity)));
console.log(JSON.stringify([1, 2, 3].flatMap((x) => [x, x * 10])), JSON.stringify([[1], [[2]]].flatMap((x) => x)));
console.log(JSON.stringify([1, , 3].flat()));
