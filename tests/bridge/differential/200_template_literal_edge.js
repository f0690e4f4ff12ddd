const a = 1, b = 2;
console.log(`${a}${b}`, `${a + b}`, `\${a}`, `${"`"}`, `${[1, 2]}`, `${{}}`, `${null} ${undefined}`);
const nested = `outer ${`inner ${`deepest ${a}`}`}`;
console.log(nested);
const fn = (s, ...v) => s.raw.map((r, i) => r + (v[i] ?? "")).join("");
console.log(fn`x\ty${a}\n`);
