const name = "await";
const s = `async ${name} and ${1 + 2} \`quoted\` ${`nested ${name}`}`;
console.log(s);
function tag(strings, ...vals) { return strings.raw.join("|") + "#" + vals.join(","); }
console.log(tag`a${1}b${2}c\n`);
console.log(`multi
line`);
