const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
for (var j = 0; j < 3; j++) fns.push(() => j);
for (const k of ["a", "b"]) fns.push(() => k);
for (const key in { p: 1, q: 2 }) fns.push(() => key);
console.log(fns.map((f) => f()).join(","));
