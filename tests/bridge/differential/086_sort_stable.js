const people = [];
for (let i = 0; i < 40; i++) people.push({ age: i % 4, id: i });
people.sort((a, b) => a.age - b.age);
console.log(people.map((p) => p.id).join(","));
console.log([10, 9, 1, 100, 25].sort().join(), ["b", undefined, "a", , "c"].sort().length);
console.log(JSON.stringify([3, undefined, 1, 2].sort()), JSON.stringify([3, 1, 2].sort((a, b) => b - a)));
