const arr = ["a", "b"];
console.log([...arr.keys()].join(), [...arr.entries()].map(([i, v]) => i + v).join(), [...arr.values()].join());
console.log(Array.isArray([]), Array.isArray({ length: 0 }), [1, [2]].concat([3], 4).length);
console.log([3, 20, 100].sort().join(), [3, 20, 100].sort((x, y) => x - y).join());
