const re = /foo/y;
re.lastIndex = 3;
console.log(re.test("barfoo"), re.lastIndex, re.flags, /x/gimy.flags);
const g = /o/g;
console.log("foo boo".replace(g, "0"), g.lastIndex, "a-b_c".split(/[-_]/).join("|"));
