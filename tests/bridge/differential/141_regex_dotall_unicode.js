console.log(/a.b/s.test("a\nb"), /a.b/.test("a\nb"));
console.log(/\p{Lu}+/u.exec("abcÉTÉxyz")[0], /\p{Script=Greek}/u.test("α"), /\P{L}/u.test("a"));
console.log("😀".match(/./u)[0].length, /^.$/u.test("😀"));
console.log("xÉy".search(/\p{Lu}/u), "a😀b😀".split(/😀/u).join("|"), "née".replace(/\p{L}/gu, "_"));
