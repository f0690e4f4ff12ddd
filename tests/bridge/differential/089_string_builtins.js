console.log("abc".padStart(6, "-"), "abc".padEnd(5, "*"), "x".repeat(3), "Hello".startsWith("He"), "Hello".endsWith("lo"));
console.log("a,b,,c".split(","), "  trim  ".trim(), "ABC".toLowerCase(), String.raw`a\nb${1}`);
console.log("😀".codePointAt(0), String.fromCodePoint(128512) === "😀", [..."a😀b"].length);
