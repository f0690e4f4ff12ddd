function parse(s) {
  try {
    return JSON.parse(s);
  } catch {
    return "invalid";
  }
}
console.log(parse("[1]").length, parse("{"));
