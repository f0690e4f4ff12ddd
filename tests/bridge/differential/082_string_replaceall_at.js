console.log("a-b-c".replaceAll("-", "+"), "aaa".replaceAll("a", "$&$&"), "x.y.z".replaceAll(".", "$$"));
console.log("abcabc".replaceAll(/b/g, (m) => m.toUpperCase()), "ab".replaceAll("", "_"));
try { "a".replaceAll(/a/, "b"); } catch (e) { console.log(e.name); }
console.log("hello".at(0), "hello".at(-1), "hello".at(9));
console.log("abc".replaceAll("b", (m, off, s) => `[${m}${off}${s}]`));
