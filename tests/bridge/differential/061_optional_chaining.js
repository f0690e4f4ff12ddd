const o = { a: { b: { c: () => "called" } }, arr: [{ v: 1 }] };
console.log(o?.a?.b?.c(), o.x?.y.z, o.arr?.[0]?.v, o.nope?.(), o.a.b.c?.());
const n = null;
console.log(n?.foo ?? "fallback", 0 ?? 1, "" ?? "x", false || "y");
