const s = "The quick brown fox";
console.log(s.split(" ").map((w) => w[0].toUpperCase() + w.slice(1)).join(" "), s.indexOf("quick"), s.lastIndexOf("o"), s.search(/b/));
console.log(s.substring(4, 9), s.substr(-3), s.slice(-3, -1), s.charAt(1), s.charCodeAt(0), s.includes("fox"));
console.log("a-b-c".split("-", 2).join("|"), "  pad".padStart(8, "*"), "abc".localeCompare("abd"), "ß".toUpperCase());
console.log("Hello".replace(/l/g, (m, off) => off), "x".concat(1, 2), "abc"[1], "a\tb".length);
