const s = "a1b22c333";
console.log([...s.matchAll(/\d+/g)].map((m) => m[0] + "@" + m.index).join(" "));
console.log("[" + "  x  ".trimStart() + "]", "[" + "  x  ".trimEnd() + "]");
